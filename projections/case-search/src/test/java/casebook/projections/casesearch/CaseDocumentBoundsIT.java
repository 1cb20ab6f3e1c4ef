package casebook.projections.casesearch;

import casebook.cases.api.CaseView;
import casebook.cases.api.FindCase;
import casebook.cases.api.FindCases;
import casebook.cases.api.Priority;
import casebook.cases.api.Region;
import casebook.cases.api.RegionScope;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case with thousands of flags keeps a bounded search document (CaseDocument's limits) and is still found by its
 * signals and counted whole.
 */
class CaseDocumentBoundsIT {
    static final CaseIndex index = SearchCluster.newIndex();
    static final CaseSearchQueries queries = new CaseSearchQueries(index,
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build());
    static final int FLAGS = 2 * CaseDocument.MAX_FLAGS + 500;
    static CaseEvents ring;

    @BeforeAll
    static void indexACaseWithThousandsOfFlags() {
        ring = CaseEvents.opened("shop-ring", Region.of("SEA"), RiskCategory.BRUSHING, Priority.P2,
                Instant.parse("2026-11-22T00:00:00Z"));
        for (int i = 0; i < FLAGS; i++) {
            ring.flag("ring-" + i, "0.5", null, new Signals(List.of("dev-ring-" + i), List.of("10.9.9.9"), List.of(),
                    List.of()));
        }
        index.ensureExists();
        CaseBatch batch = new CaseBatch(index.client(), index.alias(), true, new RecentCaseDocuments(0));
        ring.events().forEach(batch::add);
        batch.flush();
        SearchCluster.refresh(index);
    }

    @AfterAll
    static void deleteIndices() {
        SearchCluster.deleteAll(index);
    }

    @Test
    void theCaseIsFoundByItsSignalsAndCountsEveryFlag() {
        for (String signal : List.of("dev-ring-0", "dev-ring-" + (CaseDocument.MAX_SIGNALS_PER_KIND - 1), "10.9.9.9")) {
            assertThat(queries.handle(new FindCases(new CaseSearchQueriesIT.Criteria().signal(signal).build(),
                    RegionScope.ALL)).items()).as(signal).extracting(CaseView::caseId).containsExactly(ring.caseId);
        }
        CaseView view = queries.handle(new FindCase(ring.caseId, RegionScope.ALL));
        assertThat(view.flagCount()).isEqualTo(FLAGS);
        assertThat(view.flags()).hasSize(CaseDocument.MAX_FLAGS);
        assertThat(view.signals().deviceIds()).hasSize(CaseDocument.MAX_SIGNALS_SHOWN);
    }
}
