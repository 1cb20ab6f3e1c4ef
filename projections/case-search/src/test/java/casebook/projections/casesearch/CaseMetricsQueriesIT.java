package casebook.projections.casesearch;

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

        index.ensureExists();
        CaseBatch batch = new CaseBatch(index.client(), index.alias(), true, new RecentCaseDocuments(0));
        Stream.of(a, b, c, d).flatMap(x -> x.events().stream()).forEach(batch::add);
        batch.flush();
        SearchCluster.refresh(index);
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
        assertThat(sea.sources()).containsExactly(new RegionMetrics.SourceOutcomes(RING_DETECTOR, 3, 2, 1, 1));
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
