package casebook.projections.casesearch;

import casebook.cases.api.CasePage;
import casebook.cases.api.Priority;
import casebook.cases.api.Region;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetRequest;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The projection on Axon's own pooled streaming processor, writing to a real Elasticsearch. */
class CaseSearchProjectionIT {

    static final Region SEA = Region.of("SEA");
    static final Instant DUE = Instant.parse("2026-11-22T00:00:00Z");

    static final CaseIndex index = SearchCluster.newIndex();
    static AxonCaseSearch app;

    @BeforeAll
    static void start() {
        app = new AxonCaseSearch(index);
    }

    @AfterEach
    void allowWrites() {
        index.blockWrites(index.indicesBehindAlias(), false);
    }

    @AfterAll
    static void stop() {
        app.close();
        SearchCluster.deleteAll(index);
    }

    private static CaseEvents aCase(String subjectId) {
        return CaseEvents.opened(subjectId, SEA, RiskCategory.CLICK_FARM, Priority.P3, DUE);
    }

    @Test
    void theIndexAndItsAliasAreCreatedAtStartUp() {
        assertThat(index.indicesBehindAlias()).singleElement().asString().startsWith(index.alias() + "-");
    }

    @Test
    void documentsAppearOncePublishedEventsAreProcessed() {
        List<CaseEvents> cases = IntStream.range(0, 120)
                .mapToObj(i -> aCase("click-" + i).flag("click-" + i + "-f", "0.5", null,
                                                       new Signals(List.of("dev-" + i), List.of(), List.of(), List.of()))
                                                  .note("ana", "note " + i))
                .toList();

        app.publish(cases.toArray(CaseEvents[]::new));

        await().atMost(SearchCluster.PATIENCE).untilAsserted(() -> {
            for (CaseEvents c : cases) {
                assertThat(app.find(c.caseId)).isEqualTo(c.document().toView());
            }
        });
    }

    @Test
    void replayingEveryEventFromTheStartChangesNoDocument() {
        CaseEvents c = aCase("replayed").flag("r-1", "0.9", null, Signals.NONE).assigned("ana", null);
        app.publish(c);
        await().atMost(SearchCluster.PATIENCE).until(() -> app.versionOf(c.caseId) == 2);
        long seqNoBefore = seqNo(c);
        CasePage before = app.findAll();

        PooledStreamingEventProcessor processor = app.processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        long head = app.eventStore().createHeadToken().position().orElseThrow();
        await().atMost(SearchCluster.PATIENCE).until(() -> passed(processor, head));

        assertThat(app.find(c.caseId)).isEqualTo(c.document().toView());
        assertThat(seqNo(c)).as("no write at all").isEqualTo(seqNoBefore);
        assertThat(app.findAll()).isEqualTo(before);
    }

    @Test
    void aBatchThatElasticsearchRefusedIsRetriedNotSkipped() {
        CaseEvents c = aCase("retried");
        app.publish(c);
        await().atMost(SearchCluster.PATIENCE).until(() -> app.versionOf(c.caseId) == 0);

        index.blockWrites(index.indicesBehindAlias(), true);
        c.note("ana", "written after the block is lifted");
        app.publish(List.of(c.events().get(1)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> app.versionOf(c.caseId) == 0);

        index.blockWrites(index.indicesBehindAlias(), false);
        await().atMost(SearchCluster.PATIENCE).until(() -> app.versionOf(c.caseId) == 1);
        assertThat(app.find(c.caseId).notes()).hasSize(1);
    }

    @Test
    void aWriteThatAnotherWriterAlreadyOvertookCountsAsDone() {
        CaseEvents c = aCase("raced").note("ana", "one").note("ana", "two").note("ana", "three");
        List<DomainEventMessage<?>> events = c.events();
        CaseBatch first = new CaseBatch(index.client(), index.alias(), true, new RecentCaseDocuments(0));
        events.subList(0, 2).forEach(first::add);
        first.flush();

        // another writer stores version 3 right after this batch read version 1
        CaseBatch other = new CaseBatch(index.client(), index.alias(), true, new RecentCaseDocuments(0));
        events.forEach(other::add);
        CaseBatch late = new CaseBatch(new RacingClient(other::flush), index.alias(), true, new RecentCaseDocuments(0));
        late.add(events.get(2));
        late.flush();

        assertThat(app.versionOf(c.caseId)).isEqualTo(3);
        assertThat(app.find(c.caseId)).isEqualTo(c.document().toView());
    }

    @Test
    void aBatchContinuesARememberedDocumentOnlyIfItHoldsEveryEarlierEvent() {
        CaseEvents c = aCase("remembered").note("ana", "one").note("ana", "two").note("ana", "three");
        List<DomainEventMessage<?>> events = c.events();
        RecentCaseDocuments recent = new RecentCaseDocuments(10);
        AtomicInteger reads = new AtomicInteger();
        ElasticsearchClient counting = new RacingClient(reads::incrementAndGet);
        CaseBatch first = new CaseBatch(counting, index.alias(), true, recent);
        events.subList(0, 2).forEach(first::add);
        first.flush();
        CaseBatch next = new CaseBatch(counting, index.alias(), true, recent);
        next.add(events.get(2));
        next.flush();
        assertThat(reads).as("the case's first events and their continuation need no read").hasValue(0);

        // another process writes version 3: this process's memory (version 2) no longer continues the case
        CaseBatch other = new CaseBatch(index.client(), index.alias(), true, new RecentCaseDocuments(0));
        events.forEach(other::add);
        other.flush();
        CaseBatch stale = new CaseBatch(counting, index.alias(), true, recent);
        stale.add(c.note("ana", "four").events().get(4));
        stale.flush();

        assertThat(reads).hasValue(1);
        assertThat(app.versionOf(c.caseId)).isEqualTo(4);
        assertThat(app.find(c.caseId)).isEqualTo(c.document().toView());
    }

    @Test
    void aWriteToAMissingAliasFailsLoudlyAndCreatesNothing() {
        CaseEvents c = aCase("nowhere");
        String missing = index.alias() + "-missing";
        CaseBatch batch = new CaseBatch(index.client(), missing, true, new RecentCaseDocuments(0));
        c.events().forEach(batch::add);

        assertThatThrownBy(batch::flush).isInstanceOf(RuntimeException.class);
        assertThat(exists(missing)).isFalse();
    }

    @Test
    void aRefusedWriteKeepsTheBatchForTheNextTry() {
        CaseEvents c = aCase("kept");
        CaseBatch batch = new CaseBatch(index.client(), index.alias(), true, new RecentCaseDocuments(0));
        c.events().forEach(batch::add);
        index.blockWrites(index.indicesBehindAlias(), true);

        assertThatThrownBy(batch::flush).isInstanceOf(IndexingFailed.class).hasMessageContaining("cluster_block");

        index.blockWrites(index.indicesBehindAlias(), false);
        batch.flush();
        assertThat(app.versionOf(c.caseId)).isZero();
    }

    /** Every segment has handled the events up to {@code position}. */
    private static boolean passed(PooledStreamingEventProcessor processor, long position) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream()
                .allMatch(s -> s.isCaughtUp() && s.getCurrentPosition().orElse(-1) >= position);
    }

    private static long seqNo(CaseEvents c) {
        try {
            return index.client().get(g -> g.index(index.alias()).id(c.caseId.toString()), Map.class).seqNo();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean exists(String name) {
        try {
            return index.client().indices().exists(e -> e.index(name)).value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real client, with another writer acting between a batch's read and its write. */
    static final class RacingClient extends ElasticsearchClient {
        private final Runnable afterRead;

        RacingClient(Runnable afterRead) {
            super(CaseIndex.readingCaseDocuments(SearchCluster.client())._transport());
            this.afterRead = afterRead;
        }

        @Override
        public <T> MgetResponse<T> mget(MgetRequest request, Class<T> type) throws IOException {
            MgetResponse<T> response = super.mget(request, type);
            afterRead.run();
            return response;
        }
    }
}
