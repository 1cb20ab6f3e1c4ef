package casebook.cases.enforcement;

import casebook.cases.api.CaseDecided;
import casebook.cases.api.EnforcementRetried;
import casebook.cases.api.OrderedAction;
import casebook.cases.api.SubjectRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One message on {@code casebook.enforcement.v1}: one enforcement action of a decided case, for the enforcement
 * system of its kind. {@code actionId} identifies the action for good, {@code attempt} counts how often it was
 * ordered (a lead retries a failed one): the same order may be delivered more than once (at least once), and a
 * consumer applies each (actionId, attempt) once. The contract is in api-specs/asyncapi.
 */
record EnforcementOrder(String actionId, int attempt, String caseId, String decisionId, Subject subject,
                        String region, String action, Map<String, String> parameters, List<String> policyRefs,
                        String decidedBy, String approvedBy, Instant orderedAt) {

    record Subject(String kind, String id) {
    }

    static EnforcementOrder of(CaseDecided decided, OrderedAction action, String region, Instant orderedAt) {
        return new EnforcementOrder(action.actionId().toString(), 1, decided.caseId().toString(),
                decided.decisionId().toString(), subject(decided.subject()), region, action.action().name(),
                action.parameters(), decided.policyRefs(), decided.decidedBy(), decided.approvedBy(), orderedAt);
    }

    static EnforcementOrder of(EnforcementRetried retried, String region, Instant orderedAt) {
        OrderedAction action = retried.action();
        return new EnforcementOrder(action.actionId().toString(), retried.attempt(), retried.caseId().toString(),
                retried.decisionId().toString(), subject(retried.subject()), region, action.action().name(),
                action.parameters(), retried.policyRefs(), retried.decidedBy(), retried.approvedBy(), orderedAt);
    }

    private static Subject subject(SubjectRef subject) {
        return new Subject(subject.kind().name(), subject.id());
    }
}
