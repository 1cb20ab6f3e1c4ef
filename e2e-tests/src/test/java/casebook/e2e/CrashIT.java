package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Assignment;
import casebook.client.model.Case;
import casebook.client.model.CaseEvent;
import casebook.client.model.CaseStatus;
import casebook.client.model.DecisionProposal;
import casebook.client.model.EnforcementAction;
import casebook.client.model.Flag;
import casebook.client.model.PlannedAction;
import casebook.client.model.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static casebook.e2e.Search.atLeast;
import static casebook.e2e.Search.bySubject;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every instance of the service is killed (SIGKILL) right after a decision commits and a flag is acknowledged:
 * after the restart the decision's actions are published (each action id at least once, never a new id), the
 * acknowledged flag's case is there (invariant 11, ADR 9), and an SLA deadline scheduled before the crash is
 * breached after it (ADR 10).
 */
@EndToEnd
class CrashIT {
    static final Duration TIME_TO_ASSIGN_US_P4 = Duration.ofSeconds(20);
    private final Casebook casebook;

    CrashIT(Casebook casebook) {
        this.casebook = casebook;
    }

    @Test
    void whatWasCommittedBeforeACrashIsPublishedAndFoundAfterIt() throws Exception {
        CasebookApi anaSea = casebook.as("ana.sea");
        UUID caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();
        anaSea.assignCase(caseId, new Assignment().assignee("ana.sea"), null, null);
        anaSea.proposeDecision(caseId, new DecisionProposal().verdict(Verdict.VIOLATION)
                .policyRefs(List.of("SELLER-POLICY-4.2")).rationale("Fake orders from one device.")
                .actions(List.of(new PlannedAction().action(EnforcementAction.SUSPEND_SELLING),
                        new PlannedAction().action(EnforcementAction.BAN))), null, null);
        Flag acknowledged = Flags.brushing("SEA");
        Flag weak = Flags.brushing("US").score(0.1).moneyAtRisk(null);
        UUID late = casebook.detector("detector-us").raiseFlag(weak, null).getCaseId();

        casebook.as("lee.sea").approveDecision(caseId, null, null);
        casebook.detector("detector-sea").raiseFlag(acknowledged, null);
        casebook.crashAndRestart();

        List<EnforcementTopic.Order> orders = casebook.enforcementTopic()
                .ordersOf(caseId, 2, Duration.ofSeconds(120), Duration.ofSeconds(3));
        assertThat(orders.stream().map(EnforcementTopic.Order::actionId).distinct()).hasSize(2);
        assertThat(orders).allSatisfy(o -> assertThat(o.value().path("attempt").asInt()).isEqualTo(1));
        CasebookApi afterwards = casebook.as("ana.sea");
        assertThat(eventually().until(() -> afterwards.getCase(caseId, null, null).getStatus(), status -> status == CaseStatus.DECIDED))
                .isEqualTo(CaseStatus.DECIDED);
        assertThat(eventually().until(() -> bySubject(afterwards, Flags.shopOf(acknowledged)).getTotal(), n -> n == 1))
                .isEqualTo(1);
        CasebookApi leeUs = casebook.as("lee.us");
        List<CaseEvent> history = eventually().until(() -> leeUs.getCaseHistory(late, null, null).getEvents(),
                events -> events.stream().anyMatch(e -> e.getType().equals("SlaBreached")));
        assertThat(history).filteredOn(e -> e.getType().equals("SlaBreached"))
                .extracting(CaseEvent::getActor).containsExactly("casebook-sla");
        // the breach, its priority raise and the escalation are one commit: wait for the read model to hold all of it
        Case breached = atLeast(leeUs, late, history.get(history.size() - 1).getSequence());
        assertThat(breached.getSlaBreaches()).isNotEmpty();
        assertThat(breached.getEscalated()).isTrue();
    }
}
