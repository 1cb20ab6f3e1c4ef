package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** Evidence was attached to the case. */
@Revision("1")
public record EvidenceAdded(CaseId caseId, Evidence evidence) {
}
