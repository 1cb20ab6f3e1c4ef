package casebook.projections.casesearch;

import casebook.cases.api.AppealChannel;
import casebook.cases.api.AppealDecided;
import casebook.cases.api.AppealFiled;
import casebook.cases.api.AppealId;
import casebook.cases.api.AppealOutcome;
import casebook.cases.api.CaseDecided;
import casebook.cases.api.CaseStatus;
import casebook.cases.api.DecisionId;
import casebook.cases.api.DismissalLabel;
import casebook.cases.api.FindRegionMetrics;
import casebook.cases.api.FlagSource;
import casebook.cases.api.Priority;
import casebook.cases.api.Region;
import casebook.cases.api.RegionMetrics;
import casebook.cases.api.RegionScope;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import casebook.cases.api.SlaBreached;
import casebook.cases.api.SlaStage;
import casebook.cases.api.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static casebook.projections.casesearch.CaseEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** A lead's figures, aggregated by a real Elasticsearch over documents written by the projection's batch writer. */
class CaseMetricsQueriesIT {
    static final Region SEA = Region.of("SEA");
    static final Region US = Region.of("US");
    /** The region of the appealed cases. */
    static final Region EU = Region.of("EU");
    static final Instant DUE = Instant.parse("2026-11-22T00:00:00Z");
    static final FlagSource RING_DETECTOR = new FlagSource(FlagSource.Kind.MODEL, "ring-detector", "7");

    static final CaseIndex index = SearchCluster.newIndex();
    static final CaseMetricsQueries metrics = new CaseMetricsQueries(index);

    @BeforeAll
    static void indexCases() {
        // SEA: a dismissed as a false positive, b confirmed, c open and late; US: d
        CaseEvents a = CaseEvents.opened("shop-a", SEA, RiskCategory.BRUSHING, Priority.P2, DUE)
                .flag("a-1", "0.9", null, Signals.NONE).assigned("ana", null);
        a.add(new CaseDecided(a.caseId, DecisionId.random(), null, Verdict.NO_VIOLATION, List.of(), "real buyer",
                List.of(), DismissalLabel.FALSE_POSITIVE, "ana", null));
        CaseEvents b = CaseEvents.opened("shop-b", SEA, RiskCategory.BRUSHING, Priority.P2, DUE)
                .flag("b-1", "0.9", null, Signals.NONE).flag("b-2", "0.9", null, Signals.NONE).assigned("ana", null);
        b.add(new CaseDecided(b.caseId, DecisionId.random(), null, Verdict.VIOLATION, List.of("P-1"), "fake orders",
                List.of(), null, "ana", null));
        CaseEvents c = CaseEvents.opened("shop-c", SEA, RiskCategory.SCALPING, Priority.P3, DUE)
                .flag("c-1", "0.5", null, Signals.NONE);
        c.add(new SlaBreached(c.caseId, SlaStage.FIRST_ASSIGNMENT, DUE));
        CaseEvents d = CaseEvents.opened("shop-d", US, RiskCategory.BRUSHING, Priority.P1, DUE)
                .flag("d-1", "0.9", null, Signals.NONE).assigned("bo", null);

        // EU, decided violations: e overturned (P-1, P-2), f upheld (P-2), g under review (P-1), h not appealed
        // (P-1), i partially overturned (P-3); j dismissed
        CaseEvents e = appealed("shop-e", List.of("P-1", "P-2"), AppealOutcome.OVERTURNED);
        CaseEvents f = appealed("shop-f", List.of("P-2"), AppealOutcome.UPHELD);
        CaseEvents g = appealed("shop-g", List.of("P-1"), null);
        CaseEvents h = violation("shop-h", List.of("P-1"));
        CaseEvents i = appealed("shop-i", List.of("P-3"), AppealOutcome.PARTIALLY_OVERTURNED);
        CaseEvents j = CaseEvents.opened("shop-j", EU, RiskCategory.BRUSHING, Priority.P2, DUE)
                .flag("j-1", "0.9", null, Signals.NONE).assigned("eve", null);
        j.add(new CaseDecided(j.caseId, DecisionId.random(), null, Verdict.NO_VIOLATION, List.of(), "real buyer",
                List.of(), DismissalLabel.FALSE_POSITIVE, "eve", null));

        index.ensureExists();
        CaseBatch batch = new CaseBatch(index.client(), index.alias(), true, new RecentCaseDocuments(0));
        Stream.of(a, b, c, d, e, f, g, h, i, j).flatMap(x -> x.events().stream()).forEach(batch::add);
        batch.flush();
        SearchCluster.refresh(index);
    }

    private static CaseEvents violation(String shop, List<String> policies) {
        CaseEvents c = CaseEvents.opened(shop, EU, RiskCategory.BRUSHING, Priority.P2, DUE)
                .flag(shop + "-1", "0.9", null, Signals.NONE).assigned("eve", null);
        c.add(new CaseDecided(c.caseId, DecisionId.random(), null, Verdict.VIOLATION, policies, "fake orders",
                List.of(), null, "eve", null));
        return c;
    }

    /** A decided violation, appealed; the appeal decided with {@code outcome} unless it is null (under review). */
    private static CaseEvents appealed(String shop, List<String> policies, AppealOutcome outcome) {
        CaseEvents c = violation(shop, policies);
        CaseDecided decided = (CaseDecided) c.events().get(c.events().size() - 1).getPayload();
        AppealId appeal = AppealId.of("appeal-" + shop);
        c.add(new AppealFiled(c.caseId, appeal, decided.decisionId(), "real orders", List.of(), AppealChannel.SUPPORT,
                "sam", DUE));
        if (outcome != null) {
            c.add(new AppealDecided(c.caseId, appeal, decided.decisionId(), outcome, List.of(), "reviewed", "ben"));
        }
        return c;
    }

    @AfterAll
    static void deleteIndices() {
        SearchCluster.deleteAll(index);
    }

    @Test
    void aRegionsBacklogBreachesTimesAndSourceOutcomes() {
        RegionMetrics sea = metrics.handle(new FindRegionMetrics(SEA, RegionScope.of(Set.of(SEA)), null, null));

        assertThat(sea.cases()).isEqualTo(3);
        assertThat(sea.backlog()).containsEntry(CaseStatus.OPEN, 1L).containsEntry(CaseStatus.IN_REVIEW, 0L)
                .containsEntry(CaseStatus.DECISION_PROPOSED, 0L).hasSize(3);
        assertThat(sea.slaBreaches()).containsEntry(SlaStage.FIRST_ASSIGNMENT, 1L).containsEntry(SlaStage.DECISION, 0L);
        assertThat(sea.openBreached()).isEqualTo(1);
        // a: opened, flagged, assigned at +120 s, decided at +180 s; b: assigned at +180 s, decided at +240 s
        assertThat(sea.timeToFirstAssignment().cases()).isEqualTo(2);
        assertThat(sea.timeToFirstAssignment().median()).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(180));
        assertThat(sea.timeToFirstAssignment().p90()).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(180));
        assertThat(sea.timeToDecision().cases()).isEqualTo(2);
        assertThat(sea.sources()).containsExactly(new RegionMetrics.SourceOutcomes(RING_DETECTOR, 3, 2, 1, 1,
                new RegionMetrics.Appeals(1, 0, 0, 0)));
        assertThat(sea.appeals().appealRate()).isZero();
        assertThat(sea.appeals().overturnRate()).isNull();
    }

    /**
     * Appeal rate = appealed decided violations / decided violations; overturn rate = appeals overturned wholly or
     * partly / appeals decided: in the region, per policy cited, per flag source.
     */
    @Test
    void appealAndOverturnRatesPerRegionPolicyAndSource() {
        RegionMetrics eu = metrics.handle(new FindRegionMetrics(EU, RegionScope.of(Set.of(EU)), null, null));

        RegionMetrics.Appeals region = new RegionMetrics.Appeals(5, 4, 3, 2);
        assertThat(eu.appeals()).isEqualTo(region);
        assertThat(region.appealRate()).isEqualTo(0.8);
        assertThat(region.overturnRate()).isEqualTo(2.0 / 3);
        assertThat(eu.policies()).containsExactlyInAnyOrder(
                new RegionMetrics.PolicyAppeals("P-1", new RegionMetrics.Appeals(3, 2, 1, 1)),
                new RegionMetrics.PolicyAppeals("P-2", new RegionMetrics.Appeals(2, 2, 2, 1)),
                new RegionMetrics.PolicyAppeals("P-3", new RegionMetrics.Appeals(1, 1, 1, 1)));
        assertThat(eu.policies().get(0).policyRef()).isEqualTo("P-1");
        assertThat(eu.sources()).containsExactly(new RegionMetrics.SourceOutcomes(RING_DETECTOR, 6, 6, 5, 1, region));
        assertThat(eu.backlog()).containsEntry(CaseStatus.OPEN, 0L).containsEntry(CaseStatus.IN_REVIEW, 0L);
    }

    @Test
    void aPeriodCountsTheCasesOpenedInItAndAnotherRegionIsNotThere() {
        RegionMetrics none = metrics.handle(new FindRegionMetrics(SEA, RegionScope.ALL, T0.plusSeconds(1), null));
        assertThat(none.cases()).isZero();
        assertThat(none.timeToDecision()).isEqualTo(new RegionMetrics.Durations(0, null, null));
        assertThat(none.sources()).isEmpty();

        assertThat(metrics.handle(new FindRegionMetrics(US, RegionScope.of(Set.of(SEA)), null, null))).isNull();
        assertThat(metrics.handle(new FindRegionMetrics(US, RegionScope.ALL, null, null)).cases()).isEqualTo(1);
    }
}
