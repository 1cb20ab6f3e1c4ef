package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** A lead took the escalated case back to the regular queue. */
@Revision("1")
public record CaseDeescalated(CaseId caseId, @PersonalData String reason, String deescalatedBy) {
}
