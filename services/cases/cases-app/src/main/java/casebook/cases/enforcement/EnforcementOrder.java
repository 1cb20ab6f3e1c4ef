package casebook.cases.enforcement;

import casebook.cases.api.ActionId;
import casebook.cases.api.CaseDecided;
import casebook.cases.api.EnforcementRetried;
import casebook.cases.api.OrderedAction;
import casebook.cases.api.ReversalOrdered;
import casebook.cases.api.SubjectRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One message on {@code casebook.enforcement.v1}: one enforcement action of a decided case, or the reversal of one
 * that an appeal overturned, for the enforcement system of its kind. {@code actionId} identifies the order for good,
 * {@code attempt} counts how often it was ordered (a lead retries a failed one): the same order may be delivered
 * more than once (at least once), and a consumer applies each (actionId, attempt) once.
 * <p>
 * {@code kind} says what to do with {@code action}: {@link Kind#ACTION} applies it; {@link Kind#REVERSAL} undoes the
 * action {@code reverses} (its own actionId, ordered earlier with the same {@code action} and {@code parameters}),
 * ordered by the appeal {@code appealId}, whose reviewer is {@code decidedBy}. The contract is in api-specs/asyncapi.
 */
record EnforcementOrder(String actionId, int attempt, Kind kind, String reverses, String appealId, String caseId,
                        String decisionId, Subject subject, String region, String action,
                        Map<String, String> parameters, List<String> policyRefs, String decidedBy, String approvedBy,
                        Instant orderedAt) {

    /** Apply the action, or undo an earlier one. */
    enum Kind {
        ACTION, REVERSAL
    }

    record Subject(String kind, String id) {
    }

    static EnforcementOrder of(CaseDecided decided, OrderedAction action, String region, Instant orderedAt) {
        return new EnforcementOrder(action.actionId().toString(), 1, Kind.ACTION, null, null,
                decided.caseId().toString(), decided.decisionId().toString(), subject(decided.subject()), region,
                action.action().name(), action.parameters(), decided.policyRefs(), decided.decidedBy(),
                decided.approvedBy(), orderedAt);
    }

    /** The first order of a reversal: decided by the appeal's reviewer. */
    static EnforcementOrder of(ReversalOrdered reversal, String region, Instant orderedAt) {
        return reversal(reversal, 1, region, orderedAt);
    }

    /**
     * A failed order again, as the next attempt. A retried reversal ({@code reverses} set) is a reversal again, with
     * what its first order said ({@code ordered}: the case's {@link ReversalOrdered} of that reversal).
     */
    static EnforcementOrder of(EnforcementRetried retried, ReversalOrdered ordered, String region, Instant orderedAt) {
        if (retried.reverses() != null) {
            if (ordered == null || !ordered.reversal().actionId().equals(retried.action().actionId())) {
                throw new IllegalArgumentException("retried reversal " + retried.action().actionId()
                        + " needs the ReversalOrdered that first ordered it");
            }
            return reversal(ordered, retried.attempt(), region, orderedAt);
        }
        OrderedAction action = retried.action();
        return new EnforcementOrder(action.actionId().toString(), retried.attempt(), Kind.ACTION, null, null,
                retried.caseId().toString(), retried.decisionId().toString(), subject(retried.subject()), region,
                action.action().name(), action.parameters(), retried.policyRefs(), retried.decidedBy(),
                retried.approvedBy(), orderedAt);
    }

    private static EnforcementOrder reversal(ReversalOrdered reversal, int attempt, String region, Instant orderedAt) {
        OrderedAction action = reversal.reversal();
        return new EnforcementOrder(action.actionId().toString(), attempt, Kind.REVERSAL, id(reversal.reverses()),
                reversal.appealId().toString(), reversal.caseId().toString(), reversal.decisionId().toString(),
                subject(reversal.subject()), region, action.action().name(), action.parameters(), reversal.policyRefs(),
                reversal.reviewedBy(), null, orderedAt);
    }

    private static String id(ActionId id) {
        return id == null ? null : id.toString();
    }

    private static Subject subject(SubjectRef subject) {
        return new Subject(subject.kind().name(), subject.id());
    }
}
