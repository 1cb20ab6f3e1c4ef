package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A lead ordered a failed action again: it is published once more as attempt {@code attempt}, with everything an
 * enforcement system needs (the same fields as the first order). {@code reverses} is set when the failed order was
 * a reversal ({@link ReversalOrdered}): it is published as a reversal again, never as the action itself.
 */
@Revision("1")
public record EnforcementRetried(CaseId caseId, DecisionId decisionId, SubjectRef subject, OrderedAction action,
                                 List<String> policyRefs, String decidedBy, String approvedBy, int attempt,
                                 String retriedBy, ActionId reverses) {

    public EnforcementRetried(CaseId caseId, DecisionId decisionId, SubjectRef subject, OrderedAction action,
                              List<String> policyRefs, String decidedBy, String approvedBy, int attempt,
                              String retriedBy) {
        this(caseId, decisionId, subject, action, policyRefs, decidedBy, approvedBy, attempt, retriedBy, null);
    }
}
