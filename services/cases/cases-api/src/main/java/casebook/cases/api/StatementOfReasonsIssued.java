package casebook.cases.api;

import org.axonframework.serialization.Revision;

/**
 * A decided violation's statement of reasons, recorded with the decision and published with the enforcement orders
 * to the subject channel {@code casebook.subject-notices.v1}: the case history shows exactly what the subject was told.
 */
@Revision("1")
public record StatementOfReasonsIssued(CaseId caseId, DecisionId decisionId, SubjectRef subject,
                                       StatementOfReasons statement) {
}
