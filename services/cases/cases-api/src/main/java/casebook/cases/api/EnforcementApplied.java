package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** The enforcement system applied the action (attempt {@code attempt}). */
@Revision("1")
public record EnforcementApplied(CaseId caseId, ActionId actionId, int attempt, String reportedBy) {
}
