package casebook.projections.casesearch;

import casebook.cases.api.CaseId;
import casebook.cases.api.CasePage;
import casebook.cases.api.CaseSearchCriteria;
import casebook.cases.api.CaseStatus;
import casebook.cases.api.CaseView;
import casebook.cases.api.EnforcementState;
import casebook.cases.api.FindCase;
import casebook.cases.api.FindCases;
import casebook.cases.api.FindQueue;
import casebook.cases.api.FindRelatedCases;
import casebook.cases.api.Money;
import casebook.cases.api.Priority;
import casebook.cases.api.Region;
import casebook.cases.api.RegionScope;
import casebook.cases.api.RelatedCases;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static casebook.projections.casesearch.CaseEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Searches against a real Elasticsearch, over cases written by the projection's own batch writer. */
class CaseSearchQueriesIT {

    static final Region SEA = Region.of("SEA");
    static final Region US = Region.of("US");
    static final RegionScope ONLY_SEA = RegionScope.of(Set.of(SEA));
    static final Instant DUE = Instant.parse("2026-11-22T00:00:00Z");

    static final CaseIndex index = SearchCluster.newIndex();
    static final CaseSearchQueries queries = new CaseSearchQueries(index,
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build());

    static CaseEvents a, b, c, d, e, f;

    @BeforeAll
    static void indexCases() {
        a = CaseEvents.opened("shop-a", SEA, RiskCategory.BRUSHING, Priority.P2, DUE.plusSeconds(7_200))
                .flag("a-1", "0.91", new Money(new BigDecimal("120.00"), "EUR"),
                      new Signals(List.of("dev-ring-1"), List.of("10.1.1.1"), List.of(), List.of()))
                .note("ana", "Buyer used the same parcel locker as the ring")
                .assigned("ana", null);
        b = CaseEvents.opened("shop-b", SEA, RiskCategory.PAYMENT_FRAUD, Priority.P1, DUE.plusSeconds(18_000))
                .flag("b-1", "0.55", null,
                      new Signals(List.of("dev-ring-1", "dev-b"), List.of(), List.of("pf-77"), List.of()));
        c = CaseEvents.opened(T0.plusSeconds(86_400), "shop-c", US, RiskCategory.BRUSHING, Priority.P1,
                              DUE.plusSeconds(3_600))
                .flag("c-1", "0.60", null, new Signals(List.of("dev-ring-1"), List.of(), List.of(), List.of()))
                .note("bo", "parcel locker again");
        d = CaseEvents.opened("shop-d", SEA, RiskCategory.SCALPING, Priority.P2, DUE.plusSeconds(3_600))
                .flag("d-1", "0.40", null, Signals.NONE);
        e = CaseEvents.opened("shop-e", US, RiskCategory.INCENTIVE_ABUSE, Priority.P4, DUE)
                .flag("e-1", "0.30", null, Signals.NONE);
        f = CaseEvents.opened(T0.plusSeconds(172_800), "shop-f", SEA, RiskCategory.BRUSHING, Priority.P2,
                              DUE.plusSeconds(7_200))
                .flag("f-1", "0.70", null, new Signals(List.of(), List.of(), List.of(), List.of("acc-42")));

        index.ensureExists();
        CaseBatch batch = new CaseBatch(index.client(), index.alias(), true, new RecentCaseDocuments(0));
        Stream.of(a, b, c, d, e, f).flatMap(x -> x.events().stream()).forEach(batch::add);
        batch.flush();
        SearchCluster.refresh(index);
    }

    @AfterAll
    static void deleteIndices() {
        SearchCluster.deleteAll(index);
    }

    private static CasePage find(RegionScope scope, CaseSearchCriteria criteria) {
        return queries.handle(new FindCases(criteria, scope));
    }

    private static Criteria criteria() {
        return new Criteria();
    }

    private static List<CaseId> ids(CasePage page) {
        return page.items().stream().map(CaseView::caseId).toList();
    }

    @Test
    void theQueueIsTheOpenWorkOfTheCallersRegionsMostAtRiskFirst() {
        CasePage queue = queries.handle(new FindQueue(ONLY_SEA, 0, 20));

        // by the next deadline that still matters: first assignment, or the decision once assigned (a, 3 days on)
        assertThat(ids(queue)).containsExactly(d.caseId, f.caseId, b.caseId, a.caseId);
        assertThat(queue.statusCounts()).containsEntry(CaseStatus.OPEN, 3L).containsEntry(CaseStatus.IN_REVIEW, 1L);
    }

    @Test
    void relatedCasesShareSignalsAndStayInsideTheCallersRegions() {
        RelatedCases ofA = queries.handle(new FindRelatedCases(a.caseId, ONLY_SEA));
        assertThat(ofA.related()).extracting(r -> r.relatedCase().caseId()).containsExactly(b.caseId);
        assertThat(ofA.related().get(0).shared())
                .isEqualTo(new Signals(List.of("dev-ring-1"), List.of(), List.of(), List.of()));

        assertThat(queries.handle(new FindRelatedCases(a.caseId, RegionScope.ALL)).related())
                .extracting(r -> r.relatedCase().caseId()).containsExactlyInAnyOrder(b.caseId, c.caseId);
        assertThat(queries.handle(new FindRelatedCases(c.caseId, ONLY_SEA))).as("a US case, unseen").isNull();
        assertThat(queries.handle(new FindRelatedCases(d.caseId, ONLY_SEA)).related()).isEmpty();
    }

    @Test
    void findsACaseByItsSubjectId() {
        CasePage page = find(RegionScope.ALL, criteria().subjectId("shop-b").build());

        assertThat(ids(page)).containsExactly(b.caseId);
        assertThat(page.items().get(0)).isEqualTo(b.document().toView());
    }

    @Test
    void findsEveryCaseThatSharesADeviceId() {
        assertThat(ids(find(RegionScope.ALL, criteria().signal("dev-ring-1").build())))
                .containsExactlyInAnyOrder(a.caseId, b.caseId, c.caseId);
        assertThat(ids(find(RegionScope.ALL, criteria().signal("pf-77").build()))).containsExactly(b.caseId);
        assertThat(ids(find(RegionScope.ALL, criteria().signal("acc-42").build()))).containsExactly(f.caseId);
        assertThat(ids(find(RegionScope.ALL, criteria().signal("dev-ring").build()))).isEmpty();
    }

    @Test
    void findsCasesByWordsOfTheirNotesAndByAnythingElseTheAnalystRemembers() {
        assertThat(ids(find(RegionScope.ALL, criteria().text("parcel locker").build())))
                .containsExactlyInAnyOrder(a.caseId, c.caseId);
        assertThat(ids(find(RegionScope.ALL, criteria().text("PARCEL Locker").build())))
                .containsExactlyInAnyOrder(a.caseId, c.caseId);
        assertThat(ids(find(RegionScope.ALL, criteria().text("locker unicorn").build()))).isEmpty();
        assertThat(ids(find(RegionScope.ALL, criteria().text("10.1.1.1").build()))).containsExactly(a.caseId);
        assertThat(ids(find(RegionScope.ALL, criteria().text("shop-e").build()))).containsExactly(e.caseId);
        assertThat(ids(find(RegionScope.ALL, criteria().text("dev-ring-1 ana").build()))).containsExactly(a.caseId);
    }

    @Test
    void theCallersRegionsHideOtherCasesFromHitsTotalsAndFacetCounts() {
        CasePage sea = find(ONLY_SEA, criteria().signal("dev-ring-1").build());

        assertThat(ids(sea)).containsExactlyInAnyOrder(a.caseId, b.caseId);
        assertThat(sea.total()).isEqualTo(2);
        assertThat(sea.categoryCounts()).containsEntry(RiskCategory.BRUSHING, 1L)
                                        .containsEntry(RiskCategory.PAYMENT_FRAUD, 1L);
        assertThat(sea.statusCounts()).containsEntry(CaseStatus.IN_REVIEW, 1L).containsEntry(CaseStatus.OPEN, 1L);

        CasePage all = find(RegionScope.ALL, criteria().signal("dev-ring-1").build());
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.categoryCounts()).containsEntry(RiskCategory.BRUSHING, 2L);

        CasePage nowhere = find(RegionScope.of(Set.of()), criteria().build());
        assertThat(nowhere.total()).isZero();
        assertThat(nowhere.statusCounts().values()).containsOnly(0L);
    }

    @Test
    void facetsCountEveryStatusAndCategoryOfTheMatchingCases() {
        CasePage page = find(RegionScope.ALL, criteria().size(1).build());

        assertThat(page.total()).isEqualTo(6);
        assertThat(page.items()).hasSize(1);
        assertThat(page.statusCounts()).hasSize(CaseStatus.values().length)
                                       .containsEntry(CaseStatus.OPEN, 5L).containsEntry(CaseStatus.IN_REVIEW, 1L)
                                       .containsEntry(CaseStatus.CLOSED, 0L);
        assertThat(page.categoryCounts()).hasSize(RiskCategory.values().length)
                                         .containsEntry(RiskCategory.BRUSHING, 3L)
                                         .containsEntry(RiskCategory.SCALPING, 1L)
                                         .containsEntry(RiskCategory.KYC_FRAUD, 0L);
    }

    @Test
    void sortsByPriorityThenNextDeadlineThenCaseId() {
        // P2: d (assign in 1 h), f (assign in 2 h), a (assigned: decide in 3 days)
        assertThat(ids(find(RegionScope.ALL, criteria().build())))
                .containsExactly(c.caseId, b.caseId, d.caseId, f.caseId, a.caseId, e.caseId);
    }

    @Test
    void pagesThroughTheResultsUpToTheResultWindow() {
        CasePage second = find(RegionScope.ALL, criteria().page(1).size(2).build());
        assertThat(ids(second)).containsExactly(d.caseId, f.caseId);
        assertThat(second.total()).isEqualTo(6);

        CasePage last = find(RegionScope.ALL, criteria().page(99).size(100).build());
        assertThat(last.items()).isEmpty();
        assertThat(last.total()).isEqualTo(6);
    }

    @Test
    void filtersByStatusCategoryPriorityAndAssignee() {
        assertThat(ids(find(RegionScope.ALL, criteria().statuses(CaseStatus.IN_REVIEW).build()))).containsExactly(a.caseId);
        assertThat(ids(find(RegionScope.ALL, criteria().categories(RiskCategory.BRUSHING, RiskCategory.SCALPING).build())))
                .containsExactlyInAnyOrder(a.caseId, c.caseId, d.caseId, f.caseId);
        assertThat(ids(find(RegionScope.ALL, criteria().priorities(Priority.P1).build()))).containsExactly(c.caseId, b.caseId);
        assertThat(ids(find(RegionScope.ALL, criteria().assignee("ana").build()))).containsExactly(a.caseId);
    }

    @Test
    void filtersByOpeningAndSlaDueTimeFromInclusiveToExclusive() {
        assertThat(ids(find(RegionScope.ALL, criteria().opened(T0.plusSeconds(86_400), T0.plusSeconds(172_800)).build())))
                .containsExactly(c.caseId);
        assertThat(ids(find(RegionScope.ALL, criteria().opened(T0.plusSeconds(1), null).build())))
                .containsExactly(c.caseId, f.caseId);
        assertThat(ids(find(RegionScope.ALL, criteria().slaDue(DUE.plusSeconds(3_600), DUE.plusSeconds(7_200)).build())))
                .containsExactly(c.caseId, d.caseId);
        assertThat(ids(find(RegionScope.ALL, criteria().slaDue(null, DUE.plusSeconds(1)).build()))).containsExactly(e.caseId);
    }

    @Test
    void findCaseAnswersTheCaseInScopeAndNothingOutsideItExactlyAsForAnUnknownCase() {
        assertThat(queries.handle(new FindCase(a.caseId, ONLY_SEA))).isEqualTo(a.document().toView());
        assertThat(queries.handle(new FindCase(c.caseId, RegionScope.ALL))).isEqualTo(c.document().toView());
        assertThat(queries.handle(new FindCase(c.caseId, ONLY_SEA))).isNull();
        assertThat(queries.handle(new FindCase(CaseId.random(), ONLY_SEA))).isNull();
    }

    @Test
    void aViewCarriesEverythingTheDocumentHolds() {
        CaseView view = queries.handle(new FindCase(a.caseId, RegionScope.ALL));

        assertThat(view.moneyAtRisk()).isEqualTo(new Money(new BigDecimal("120.00"), "EUR"));
        assertThat(view.maxScore()).isEqualTo(new BigDecimal("0.91"));
        assertThat(view.version()).isEqualTo(3);
        assertThat(view.status()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(view.notes()).extracting(CaseView.Note::author).containsExactly("ana");
        assertThat(view.signals().ips()).containsExactly("10.1.1.1");
    }

    /** Search criteria with every field optional, as the REST layer builds them. */
    static final class Criteria {
        private String text, subjectId, signal, assignee;
        private Set<CaseStatus> statuses = Set.of();
        private Set<RiskCategory> categories = Set.of();
        private Set<Priority> priorities = Set.of();
        private Instant openedFrom, openedTo, slaDueFrom, slaDueTo;
        private EnforcementState enforcement;
        private int page = 0, size = 20;

        Criteria text(String v) { text = v; return this; }
        Criteria subjectId(String v) { subjectId = v; return this; }
        Criteria signal(String v) { signal = v; return this; }
        Criteria assignee(String v) { assignee = v; return this; }
        Criteria statuses(CaseStatus... v) { statuses = Set.of(v); return this; }
        Criteria categories(RiskCategory... v) { categories = Set.of(v); return this; }
        Criteria priorities(Priority... v) { priorities = Set.of(v); return this; }
        Criteria opened(Instant from, Instant to) { openedFrom = from; openedTo = to; return this; }
        Criteria slaDue(Instant from, Instant to) { slaDueFrom = from; slaDueTo = to; return this; }
        Criteria enforcement(EnforcementState v) { enforcement = v; return this; }
        Criteria page(int v) { page = v; return this; }
        Criteria size(int v) { size = v; return this; }

        CaseSearchCriteria build() {
            return new CaseSearchCriteria(text, subjectId, signal, statuses, categories, priorities, assignee,
                                          openedFrom, openedTo, slaDueFrom, slaDueTo, enforcement, page, size);
        }
    }
}
