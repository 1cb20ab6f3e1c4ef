package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An action overturned on appeal is reversed: {@code reversal} is an order of its own (its own action id, tracked
 * like any action: results back, retries) that undoes the action {@code reverses}; published once to
 * {@code casebook.enforcement.v1} (invariant 7).
 */
@Revision("1")
public record ReversalOrdered(CaseId caseId, DecisionId decisionId, SubjectRef subject, OrderedAction reversal,
                              ActionId reverses, AppealId appealId, List<String> policyRefs, String reviewedBy) {
}
