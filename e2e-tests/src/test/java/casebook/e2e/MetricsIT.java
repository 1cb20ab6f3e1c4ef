package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Assignment;
import casebook.client.model.DecisionProposal;
import casebook.client.model.DismissalLabel;
import casebook.client.model.EnforcementAction;
import casebook.client.model.Flag;
import casebook.client.model.FlagSource;
import casebook.client.model.PlannedAction;
import casebook.client.model.RegionMetrics;
import casebook.client.model.SourceOutcomes;
import casebook.client.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static casebook.e2e.Problems.refused;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** A lead's figures for the region: backlog, SLA, times, and how each detection source's flags were decided. */
@EndToEnd
class MetricsIT {
    private final Casebook casebook;
    private final CasebookApi anaSea;
    private final CasebookApi leeSea;

    MetricsIT(Casebook casebook) {
        this.casebook = casebook;
        this.anaSea = casebook.as("ana.sea");
        this.leeSea = casebook.as("lee.sea");
    }

    @Test
    void aLeadSeesHowEachModelsFlagsWereDecided() throws Exception {
        FlagSource probe = new FlagSource().kind(FlagSource.KindEnum.MODEL).id("metrics-probe")
                .version(Flags.unique("v"));
        UUID dismissed = assigned(flagFrom(probe));
        UUID confirmed = assigned(flagFrom(probe));
        anaSea.proposeDecision(dismissed, new DecisionProposal().verdict(Verdict.NO_VIOLATION)
                .rationale("A verified corporate buyer.").label(DismissalLabel.FALSE_POSITIVE), null, null);
        anaSea.proposeDecision(confirmed, new DecisionProposal().verdict(Verdict.VIOLATION)
                .policyRefs(List.of("SELLER-POLICY-1.1")).rationale("Fake orders, first time.")
                .actions(List.of(new PlannedAction().action(EnforcementAction.WARN))), null, null);

        RegionMetrics sea = eventually().until(() -> leeSea.getRegionMetrics("SEA", null, null),
                m -> outcomesOf(m, probe) != null && outcomesOf(m, probe).getDecided() == 2);

        SourceOutcomes outcomes = outcomesOf(sea, probe);
        assertThat(outcomes.getCases()).isEqualTo(2);
        assertThat(outcomes.getConfirmed()).isEqualTo(1);
        assertThat(outcomes.getFalsePositives()).isEqualTo(1);
        assertThat(outcomes.getFalsePositiveRate()).isEqualTo(0.5);
        assertThat(sea.getRegion()).isEqualTo("SEA");
        assertThat(sea.getBacklog()).containsOnlyKeys("OPEN", "IN_REVIEW", "DECISION_PROPOSED");
        assertThat(sea.getSlaBreaches()).containsOnlyKeys("FIRST_ASSIGNMENT", "DECISION", "APPEAL_REVIEW");
        assertThat(sea.getTimeToFirstAssignment().getCases()).isGreaterThanOrEqualTo(2);
        assertThat(sea.getTimeToFirstAssignment().getMedianSeconds()).isNotNull();
        assertThat(sea.getTimeToDecision().getCases()).isGreaterThanOrEqualTo(2);
        assertThat(sea.getTimeToDecision().getP90Seconds()).isNotNull();
        // the probe's one confirmed violation was not appealed: an appeal rate of 0, no overturn rate yet
        assertThat(outcomes.getAppeals().getDecidedViolations()).isEqualTo(1);
        assertThat(outcomes.getAppeals().getAppealed()).isZero();
        assertThat(outcomes.getAppeals().getAppealRate()).isEqualTo(0.0);
        assertThat(outcomes.getAppeals().getOverturnRate()).isNull();
        assertThat(sea.getAppeals().getDecidedViolations()).isGreaterThanOrEqualTo(1);
        assertThat(sea.getAppeals().getAppealRate()).isNotNull();
        assertThat(sea.getPolicies()).anySatisfy(policy -> {
            assertThat(policy.getPolicyRef()).isEqualTo("SELLER-POLICY-1.1");
            assertThat(policy.getAppeals().getDecidedViolations()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void metricsAreForLeadsAndAuditorsOfTheRegion() throws Exception {
        assertThat(refused(() -> anaSea.getRegionMetrics("SEA", null, null)).status()).isEqualTo(403);
        assertThat(refused(() -> leeSea.getRegionMetrics("US", null, null)).status()).isEqualTo(404);
        assertThat(casebook.as("audrey").getRegionMetrics("US", null, null).getRegion()).isEqualTo("US");
    }

    private Flag flagFrom(FlagSource source) {
        return Flags.brushing("SEA").source(source);
    }

    private UUID assigned(Flag flag) throws Exception {
        UUID caseId = casebook.detector("detector-sea").raiseFlag(flag, null).getCaseId();
        anaSea.assignCase(caseId, new Assignment().assignee("ana.sea"), null, null);
        return caseId;
    }

    private static SourceOutcomes outcomesOf(RegionMetrics metrics, FlagSource source) {
        return metrics.getSources().stream()
                .filter(s -> s.getSource().getId().equals(source.getId())
                        && s.getSource().getVersion().equals(source.getVersion()))
                .findFirst().orElse(null);
    }
}
