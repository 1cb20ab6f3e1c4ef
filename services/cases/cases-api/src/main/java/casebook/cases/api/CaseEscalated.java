package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** The case was escalated to the region's lead. */
@Revision("1")
public record CaseEscalated(CaseId caseId, @PersonalData String reason, String escalatedBy) {
}
