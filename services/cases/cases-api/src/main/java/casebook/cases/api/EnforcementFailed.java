package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** The enforcement system could not apply the action (attempt {@code attempt}); a lead may retry it. */
@Revision("1")
public record EnforcementFailed(CaseId caseId, ActionId actionId, int attempt, @PersonalData String reason,
                                String reportedBy) {
}
