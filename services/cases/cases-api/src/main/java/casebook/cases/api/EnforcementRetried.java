package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A lead ordered a failed action again: it is published once more as attempt {@code attempt}, with everything an
 * enforcement system needs (the same fields as the first order).
 */
@Revision("1")
public record EnforcementRetried(CaseId caseId, DecisionId decisionId, SubjectRef subject, OrderedAction action,
                                 List<String> policyRefs, String decidedBy, String approvedBy, int attempt,
                                 String retriedBy) {
}
