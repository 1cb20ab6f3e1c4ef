package casebook.cases.api;

import org.axonframework.serialization.Revision;

/**
 * The personal data of the case was erased (its data key destroyed, docs/adr/0018 and 0019): from here on every
 * personal field of its events reads {@code [erased]}. Read models blank the case's personal fields on it; caches
 * of the case are dropped. {@code erasureId} is the erasure request's id, {@code erasedBy} who asked (privacy or
 * legal staff, or {@code casebook-retention}).
 */
@Revision("1")
public record PersonalDataErased(CaseId caseId, String erasureId, String erasedBy) {
}
