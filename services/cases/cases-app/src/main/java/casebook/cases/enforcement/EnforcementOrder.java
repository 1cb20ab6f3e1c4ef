package casebook.cases.enforcement;

import casebook.cases.api.CaseDecided;
import casebook.cases.api.OrderedAction;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One message on {@code casebook.enforcement.v1}: one enforcement action of a decided case, for the enforcement
 * system of its kind. {@code actionId} identifies the action for good: the same action may be delivered more than
 * once (at least once), and a consumer applies it once by that id. The contract is in api-specs/asyncapi.
 */
record EnforcementOrder(String actionId, String caseId, String decisionId, Subject subject, String region,
                        String action, Map<String, String> parameters, List<String> policyRefs, String decidedBy,
                        String approvedBy, Instant orderedAt) {

    record Subject(String kind, String id) {
    }

    static EnforcementOrder of(CaseDecided decided, OrderedAction action, String region, Instant orderedAt) {
        return new EnforcementOrder(action.actionId().toString(), decided.caseId().toString(),
                decided.decisionId().toString(),
                new Subject(decided.subject().kind().name(), decided.subject().id()), region, action.action().name(),
                action.parameters(), decided.policyRefs(), decided.decidedBy(), decided.approvedBy(), orderedAt);
    }
}
