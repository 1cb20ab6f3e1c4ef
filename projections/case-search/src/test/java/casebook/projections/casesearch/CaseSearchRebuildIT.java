package casebook.projections.casesearch;

import casebook.cases.api.CasePage;
import casebook.cases.api.Priority;
import casebook.cases.api.Region;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import casebook.projections.casesearch.RebuildProgress.State;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Rebuilds from the event store into a fresh index behind the alias, with the live projection running. */
class CaseSearchRebuildIT {

    static final Region SEA = Region.of("SEA");
    static final Region US = Region.of("US");
    static final Instant DUE = Instant.parse("2026-11-22T00:00:00Z");

    private final CaseIndex index = SearchCluster.newIndex();
    private final List<AxonCaseSearch> apps = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(AxonCaseSearch::close);
        SearchCluster.deleteAll(index);
    }

    private AxonCaseSearch start(java.util.function.UnaryOperator<EventStore> rebuildEvents) {
        AxonCaseSearch app = new AxonCaseSearch(index, rebuildEvents);
        apps.add(app);
        return app;
    }

    private static List<CaseEvents> someCases(int count) {
        return IntStream.range(0, count).mapToObj(i -> CaseEvents
                        .opened("subject-" + i, i % 2 == 0 ? SEA : US, RiskCategory.values()[i % 10], Priority.values()[i % 4],
                                DUE.plusSeconds(i * 60L))
                        .flag("flag-" + i, "0." + (10 + i % 90), null,
                              new Signals(List.of("dev-" + (i % 7)), List.of(), List.of(), List.of()))
                        .note("ana", "note about subject " + i))
                .toList();
    }

    private static void processed(AxonCaseSearch app, List<CaseEvents> cases) {
        await().atMost(SearchCluster.PATIENCE).untilAsserted(() -> {
            for (CaseEvents c : cases) {
                assertThat(app.versionOf(c.caseId)).isEqualTo(c.events().size() - 1);
            }
        });
    }

    private static void rebuilt(AxonCaseSearch app) {
        await().atMost(SearchCluster.PATIENCE).until(() -> !app.rebuild.progress().running());
        assertThat(app.rebuild.progress().state()).as(app.rebuild.progress().failure()).isEqualTo(State.SUCCEEDED);
    }

    @Test
    void aRebuildFillsAFreshIndexThatTakesOverTheAliasWithTheSameSearchResults() {
        AxonCaseSearch app = start(events -> events);
        List<CaseEvents> cases = someCases(60);
        app.publish(cases.toArray(CaseEvents[]::new));
        processed(app, cases);
        CasePage before = app.findAll();
        List<String> previous = index.indicesBehindAlias();

        RebuildStarted started = app.rebuild.start();
        rebuilt(app);

        assertThat(started.projection()).isEqualTo("case-search");
        assertThat(index.indicesBehindAlias()).containsExactly(started.targetIndex()).doesNotContainAnyElementsOf(previous);
        assertThat(SearchCluster.exists(previous.get(0))).isFalse();
        assertThat(app.rebuild.progress().eventsApplied()).isEqualTo(cases.size() * 3L);
        // what an admin's progress bar shows at the end: the whole store read, to the head of the last phase
        assertThat(app.rebuild.progress().headPosition()).isPositive();
        assertThat(app.rebuild.progress().position()).isEqualTo(app.rebuild.progress().headPosition());
        assertThat(app.findAll()).isEqualTo(before);
    }

    @Test
    void afterTheIndexWasDeletedARebuildRestoresItAndLiveProcessingResumes() {
        AxonCaseSearch app = start(events -> events);
        List<CaseEvents> cases = someCases(30);
        app.publish(cases.toArray(CaseEvents[]::new));
        processed(app, cases);
        CasePage before = app.findAll();

        index.indicesBehindAlias().forEach(index::delete);
        CaseEvents meanwhile = someCases(1).get(0);
        app.publish(meanwhile);
        await().during(Duration.ofMillis(1_500)).atMost(SearchCluster.PATIENCE)
               .until(() -> !SearchCluster.exists(index.alias()));
        app.rebuild.start();
        rebuilt(app);

        CaseEvents afterwards = cases.get(0).note("bo", "written after the rebuild");
        app.publish(List.of(afterwards.events().get(3)));
        List<CaseEvents> all = new ArrayList<>(cases);
        all.add(meanwhile);
        processed(app, all);
        assertThat(app.find(afterwards.caseId)).isEqualTo(afterwards.document().toView());
        assertThat(app.findAll().total()).isEqualTo(before.total() + 1);
    }

    @Test
    void eventsThatArriveWhileTheRebuildRunsEndUpInTheNewIndex() {
        List<CaseEvents> first = someCases(40);
        List<CaseEvents> duringReplay = someCases(20);
        List<CaseEvents> duringCatchUp = someCases(20);
        AtomicInteger heads = new AtomicInteger();
        AxonCaseSearch[] app = new AxonCaseSearch[1];
        app[0] = start(events -> afterEach(events, "createHeadToken", () -> {
            // right after the rebuild learnt how far to replay, and again how far to catch up
            int head = heads.incrementAndGet();
            if (head == 1) {
                app[0].publish(duringReplay.toArray(CaseEvents[]::new));
            }
            if (head == 2) {
                // the old index refuses writes now: the live projection's batches fail and wait for their retry
                app[0].publish(duringCatchUp.toArray(CaseEvents[]::new));
                await().during(Duration.ofMillis(1_500)).atMost(SearchCluster.PATIENCE)
                       .until(() -> duringCatchUp.stream().allMatch(c -> app[0].find(c.caseId) == null));
            }
        }));
        app[0].publish(first.toArray(CaseEvents[]::new));
        processed(app[0], first);

        app[0].rebuild.start();
        rebuilt(app[0]);

        List<CaseEvents> all = new ArrayList<>(first);
        all.addAll(duringReplay);
        all.addAll(duringCatchUp);
        processed(app[0], all);
        for (CaseEvents c : all) {
            assertThat(app[0].find(c.caseId)).isEqualTo(c.document().toView());
        }
        assertThat(app[0].findAll().total()).isEqualTo(all.size());
    }

    @Test
    void aSecondRebuildIsRefusedWhileOneIsRunning() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AxonCaseSearch app = start(events -> before(events, "openStream", () -> waitFor(release)));
        List<CaseEvents> cases = someCases(5);
        app.publish(cases.toArray(CaseEvents[]::new));
        processed(app, cases);

        RebuildStarted first = app.rebuild.start();
        assertThat(app.rebuild.progress().running()).isTrue();
        assertThat(app.rebuild.progress().targetIndex()).isEqualTo(first.targetIndex());
        assertThatThrownBy(app.rebuild::start).isInstanceOf(RebuildAlreadyRunning.class);

        release.countDown();
        rebuilt(app);
        RebuildStarted second = app.rebuild.start();
        rebuilt(app);
        assertThat(index.indicesBehindAlias()).containsExactly(second.targetIndex());
    }

    @Test
    void aFailedRebuildLeavesTheAliasWhereItWasAndWritableAndCleansUp() {
        AxonCaseSearch app = start(events -> after(events, "createHeadToken", 2, () -> {
            throw new IllegalStateException("event store went away");
        }));
        List<CaseEvents> cases = someCases(5);
        app.publish(cases.toArray(CaseEvents[]::new));
        processed(app, cases);
        List<String> previous = index.indicesBehindAlias();

        RebuildStarted started = app.rebuild.start();
        await().atMost(SearchCluster.PATIENCE).until(() -> !app.rebuild.progress().running());

        assertThat(app.rebuild.progress().state()).isEqualTo(State.FAILED);
        assertThat(app.rebuild.progress().failure()).contains("event store went away");
        assertThat(index.indicesBehindAlias()).isEqualTo(previous);
        assertThat(SearchCluster.exists(started.targetIndex())).isFalse();
        CaseEvents later = cases.get(1).note("ana", "still writable");
        app.publish(List.of(later.events().get(3)));
        await().atMost(SearchCluster.PATIENCE).until(() -> app.versionOf(later.caseId) == 3);
    }

    @Test
    void aRebuildStoppedAtShutdownLeavesEverythingAsItWas() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        AxonCaseSearch app = start(events -> before(events, "openStream", () -> waitFor(never)));
        List<String> previous = index.indicesBehindAlias();

        RebuildStarted started = app.rebuild.start();
        app.rebuild.close();

        assertThat(app.rebuild.progress().state()).isEqualTo(State.FAILED);
        assertThat(index.indicesBehindAlias()).isEqualTo(previous);
        assertThat(SearchCluster.exists(started.targetIndex())).isFalse();
    }

    /** The event store, running {@code action} right after each call of {@code method}. */
    private static EventStore afterEach(EventStore events, String method, Runnable action) {
        return after(events, method, 1, action, true);
    }

    /** The event store, running {@code action} right after the {@code nth} call of {@code method}. */
    private static EventStore after(EventStore events, String method, int nth, Runnable action) {
        return after(events, method, nth, action, false);
    }

    private static EventStore after(EventStore events, String method, int nth, Runnable action, boolean each) {
        AtomicInteger calls = new AtomicInteger();
        return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[]{EventStore.class},
                (proxy, m, args) -> {
                    Object result = invoke(events, m, args);
                    if (m.getName().equals(method)) {
                        int call = calls.incrementAndGet();
                        if (each || call == nth) {
                            action.run();
                        }
                    }
                    return result;
                });
    }

    /** The event store, running {@code action} right before each call of {@code method}. */
    private static EventStore before(EventStore events, String method, Runnable action) {
        return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[]{EventStore.class},
                (proxy, m, args) -> {
                    if (m.getName().equals(method)) {
                        action.run();
                    }
                    return invoke(events, m, args);
                });
    }

    private static Object invoke(EventStore events, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(events, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
