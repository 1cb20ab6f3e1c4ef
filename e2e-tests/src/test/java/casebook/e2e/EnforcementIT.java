package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Assignment;
import casebook.client.model.CaseSummary;
import casebook.client.model.DecisionProposal;
import casebook.client.model.EnforcementAction;
import casebook.client.model.EnforcementState;
import casebook.client.model.OrderedAction;
import casebook.client.model.PlannedAction;
import casebook.client.model.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Enforcement round trip: orders out, results back on the case, a failed action found in search and retried. */
@EndToEnd
class EnforcementIT {
    private final Casebook casebook;
    private final CasebookApi anaSea;
    private final CasebookApi leeSea;

    EnforcementIT(Casebook casebook) {
        this.casebook = casebook;
        this.anaSea = casebook.as("ana.sea");
        this.leeSea = casebook.as("lee.sea");
    }

    @Test
    void resultsComeBackAndAFailedActionIsRetriedByTheLead() throws Exception {
        UUID caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();
        anaSea.assignCase(caseId, new Assignment().assignee("ana.sea"), null, null);
        anaSea.proposeDecision(caseId, new DecisionProposal().verdict(Verdict.VIOLATION)
                .policyRefs(List.of("SELLER-POLICY-4.2")).rationale("Brushing ring, 14 fake orders.")
                .actions(List.of(new PlannedAction().action(EnforcementAction.SUSPEND_SELLING).parameters(Map.of("days", "30")),
                        new PlannedAction().action(EnforcementAction.BAN))), null, null);
        leeSea.approveDecision(caseId, null, null);
        EnforcementTopic enforcement = casebook.enforcementTopic();
        List<EnforcementTopic.Order> orders = enforcement.ordersOf(caseId, 2, Duration.ofSeconds(60), Duration.ZERO);
        String suspend = actionId(orders, "SUSPEND_SELLING");
        String ban = actionId(orders, "BAN");

        enforcement.report(order(orders, ban, 1), "APPLIED", null);
        enforcement.report(order(orders, suspend, 1), "FAILED", "shop is locked by another process");

        List<OrderedAction> actions = eventually().until(() -> anaSea.getCase(caseId, null, null).getDecision().getActions(),
                a -> state(a, ban) == EnforcementState.APPLIED && state(a, suspend) == EnforcementState.FAILED);
        assertThat(action(actions, suspend).getFailure()).isEqualTo("shop is locked by another process");
        // search sees it after the index's next refresh (reading one case is real-time)
        eventually().until(() -> anaSea.searchCases(CasebookApi.APISearchCasesRequest.newBuilder()
                .enforcement(EnforcementState.FAILED).size(100).build()).getItems().stream()
                .map(CaseSummary::getCaseId).toList(), failing -> failing.contains(caseId));

        leeSea.retryEnforcement(caseId, UUID.fromString(suspend), null, null);

        List<EnforcementTopic.Order> again = enforcement.ordersOf(caseId, 3, Duration.ofSeconds(60), Duration.ZERO);
        assertThat(again).filteredOn(o -> o.actionId().equals(suspend)).extracting(EnforcementTopic.Order::attempt)
                .containsExactlyInAnyOrder(1, 2);
        enforcement.report(order(again, suspend, 2), "APPLIED", null);
        OrderedAction applied = action(eventually().until(() -> anaSea.getCase(caseId, null, null).getDecision().getActions(),
                a -> state(a, suspend) == EnforcementState.APPLIED), suspend);
        assertThat(applied.getAttempt()).isEqualTo(2);
    }

    private static String actionId(List<EnforcementTopic.Order> orders, String action) {
        return orders.stream().filter(o -> o.action().equals(action)).findFirst().orElseThrow().actionId();
    }

    private static EnforcementTopic.Order order(List<EnforcementTopic.Order> orders, String actionId, int attempt) {
        return orders.stream().filter(o -> o.actionId().equals(actionId) && o.attempt() == attempt).findFirst()
                .orElseThrow();
    }

    private static OrderedAction action(List<OrderedAction> actions, String actionId) {
        return actions.stream().filter(a -> a.getActionId().toString().equals(actionId)).findFirst().orElseThrow();
    }

    private static EnforcementState state(List<OrderedAction> actions, String actionId) {
        return action(actions, actionId).getState();
    }
}
