package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Assignment;
import casebook.client.model.DecisionProposal;
import casebook.client.model.EnforcementAction;
import casebook.client.model.EnforcementState;
import casebook.client.model.OrderedAction;
import casebook.client.model.PlannedAction;
import casebook.client.model.Verdict;
import casebook.devstack.DemoEnforcement;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's loop, as infra/platform runs it: decide, approve, and the demo enforcement system (a stand-in for the
 * marketplace's, {@link DemoEnforcement}) answers the real service's orders with results the service records on
 * the case. Failing every first attempt (share 1), both actions show FAILED with its reason; the lead retries one
 * and it shows APPLIED at attempt 2. Only orders published while the test runs are answered (a group of its own,
 * started from now on), so other tests' orders stay theirs.
 */
@EndToEnd
class DemoEnforcementIT {
    private final Casebook casebook;
    private final CasebookApi anaSea;
    private final CasebookApi leeSea;

    DemoEnforcementIT(Casebook casebook) {
        this.casebook = casebook;
        this.anaSea = casebook.as("ana.sea");
        this.leeSea = casebook.as("lee.sea");
    }

    @Test
    void theDemoEnforcementSystemAnswersADecidedCaseAndTheLeadsRetryIsApplied() throws Exception {
        try (DemoEnforcement demo = new DemoEnforcement(casebook.servers().kafka().bootstrapServers(),
                DemoEnforcement.ORDERS_TOPIC, DemoEnforcement.RESULTS_TOPIC, "e2e-demo-enforcement-" + UUID.randomUUID(),
                1).startFromNowOn(Duration.ofSeconds(60))) {
            UUID caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();
            anaSea.assignCase(caseId, new Assignment().assignee("ana.sea"), null, null);
            anaSea.proposeDecision(caseId, new DecisionProposal().verdict(Verdict.VIOLATION)
                    .policyRefs(List.of("SELLER-POLICY-4.2")).rationale("Brushing ring, 14 fake orders.")
                    .actions(List.of(new PlannedAction().action(EnforcementAction.SUSPEND_SELLING)
                                    .parameters(Map.of("days", "30")),
                            new PlannedAction().action(EnforcementAction.BAN))), null, null);
            leeSea.approveDecision(caseId, null, null);

            List<OrderedAction> failed = eventually().until(() -> anaSea.getCase(caseId, null, null).getDecision().getActions(),
                    actions -> actions.size() == 2
                            && actions.stream().allMatch(a -> a.getState() == EnforcementState.FAILED));
            assertThat(failed).allSatisfy(action -> assertThat(action.getFailure())
                    .contains("demo enforcement system").contains(DemoEnforcement.FAILURE_SHARE_VARIABLE));

            UUID suspend = failed.stream().filter(a -> a.getAction() == EnforcementAction.SUSPEND_SELLING)
                    .findFirst().orElseThrow().getActionId();
            leeSea.retryEnforcement(caseId, suspend, null, null);

            List<OrderedAction> after = eventually().until(() -> anaSea.getCase(caseId, null, null).getDecision().getActions(),
                    actions -> actions.stream().anyMatch(a -> a.getActionId().equals(suspend)
                            && a.getState() == EnforcementState.APPLIED));
            assertThat(after).filteredOn(a -> a.getActionId().equals(suspend)).singleElement()
                    .satisfies(a -> assertThat(a.getAttempt()).isEqualTo(2));
            assertThat(after).filteredOn(a -> a.getAction() == EnforcementAction.BAN).singleElement()
                    .satisfies(a -> assertThat(a.getState()).as("not retried").isEqualTo(EnforcementState.FAILED));
            assertThat(demo.answers()).as("two first attempts and one retry").isEqualTo(3);
            assertThat(demo.skipped()).isZero();
        }
    }
}
