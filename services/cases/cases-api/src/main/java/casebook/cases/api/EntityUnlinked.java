package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** A linked entity was removed from the case. */
@Revision("1")
public record EntityUnlinked(CaseId caseId, EntityKind kind, @PersonalData String value,
                             @PersonalData String reason, String unlinkedBy) {
}
