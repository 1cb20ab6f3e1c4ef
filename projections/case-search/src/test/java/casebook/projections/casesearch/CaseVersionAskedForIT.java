package casebook.projections.casesearch;

import casebook.cases.api.CaseId;
import casebook.cases.api.FindCase;
import casebook.cases.api.Priority;
import casebook.cases.api.Region;
import casebook.cases.api.RegionScope;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read asking for a version the search index has not reached yet (a read right after one's own write) gets the
 * case's missing events from the event store, folded as the projection folds them: that version or later, never an
 * earlier one, and still nothing outside the caller's regions (docs/adr/0025). The index is written by the
 * projection's own batch writer, deliberately behind the event store.
 */
class CaseVersionAskedForIT {
    static final RegionScope ONLY_SEA = RegionScope.of(Set.of(Region.of("SEA")));
    static final RegionScope ONLY_US = RegionScope.of(Set.of(Region.of("US")));
    static final Instant DUE = Instant.parse("2026-11-22T00:00:00Z");

    static final CaseIndex index = SearchCluster.newIndex();
    static final EventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    static final CaseSearchQueries queries = new CaseSearchQueries(index, events);

    @BeforeAll
    static void createIndex() {
        index.ensureExists();
    }

    @AfterAll
    static void deleteIndices() {
        SearchCluster.deleteAll(index);
    }

    @Test
    void aVersionAheadOfTheIndexIsReadFromTheEventStoreAndNeverAnsweredOlder() {
        CaseEvents g = CaseEvents.opened("shop-g", Region.of("SEA"), RiskCategory.BRUSHING, Priority.P2, DUE)
                .flag("g-1", "0.80", null, Signals.NONE).note("ana", "seen it").assigned("ana", null);
        // the projection has written the first two events; the event store holds all four
        CaseBatch batch = new CaseBatch(index.client(), index.alias(), true, new RecentCaseDocuments(0));
        g.events().subList(0, 2).forEach(batch::add);
        batch.flush();
        events.publish(g.events());

        assertThat(queries.handle(new FindCase(g.caseId, ONLY_SEA)).version()).isEqualTo(1);
        assertThat(queries.handle(new FindCase(g.caseId, ONLY_SEA, 1)).version()).isEqualTo(1);
        assertThat(queries.handle(new FindCase(g.caseId, ONLY_SEA, 2))).isEqualTo(g.document().toView());
        assertThat(queries.handle(new FindCase(g.caseId, ONLY_SEA, 3))).isEqualTo(g.document().toView());
        // a version the case has not reached at all: the case as it is; the caller decides what that means
        assertThat(queries.handle(new FindCase(g.caseId, ONLY_SEA, 99))).isEqualTo(g.document().toView());
        // the region comes first: outside it, not found whatever version is asked for
        assertThat(queries.handle(new FindCase(g.caseId, ONLY_US, 3))).isNull();
        assertThat(queries.handle(new FindCase(g.caseId, ONLY_US, 1))).isNull();
        assertThat(queries.handle(new FindCase(CaseId.random(), RegionScope.ALL, 5))).isNull();
    }

    @Test
    void aCaseTheIndexHasNotSeenYetIsFoundOnlyWhenAVersionIsAskedFor() {
        CaseEvents h = CaseEvents.opened("shop-h", Region.of("US"), RiskCategory.SCALPING, Priority.P3, DUE)
                .flag("h-1", "0.65", null, Signals.NONE);
        events.publish(h.events());

        assertThat(queries.handle(new FindCase(h.caseId, RegionScope.ALL))).isNull();
        assertThat(queries.handle(new FindCase(h.caseId, RegionScope.ALL, 1))).isEqualTo(h.document().toView());
        // version 0 asked: the case exists, so it is answered though the index has not seen it
        assertThat(queries.handle(new FindCase(h.caseId, RegionScope.ALL, 0))).isEqualTo(h.document().toView());
        assertThat(queries.handle(new FindCase(h.caseId, ONLY_US, 1))).isEqualTo(h.document().toView());
        assertThat(queries.handle(new FindCase(h.caseId, ONLY_SEA, 1))).isNull();
    }
}
