package casebook.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Time from "written" to "found by a search" for signals (device ids) that appear nowhere else, in two stages
 * (and, alongside, to "durable", when the signal is also its flag's id).
 *
 * <ol>
 *   <li>Index: every {@code pollMillis}, ONE search asks the index for all pending signals at once (a terms query),
 *   so the measurement adds the same small load whatever the number of pending signals (searching for each
 *   pending signal on its own would add load exactly when the system falls behind, and make it fall further).
 *   A signal's index latency ends when the answer that finds it arrives.</li>
 *   <li>API (optional): as soon as the index holds a signal, one API search for it; its latency ends when the API
 *   answer that finds it arrives (retried each poll until it does). This is what an analyst sees.</li>
 * </ol>
 * Resolution: the poll interval plus one search.
 */
final class VisibilityTracker implements AutoCloseable {

    private final Function<Set<String>, CompletableFuture<Set<String>>> durableProbe;
    private final Function<Set<String>, CompletableFuture<Set<String>>> indexProbe;
    private final Function<String, CompletableFuture<Boolean>> apiProbe;
    private final Map<String, Long> pendingDurable = new ConcurrentHashMap<>();
    private final Map<String, Long> pendingInIndex = new ConcurrentHashMap<>();
    private final Map<String, Long> pendingInApi = new ConcurrentHashMap<>();
    private final Map<String, Boolean> apiInFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean durableInFlight = new AtomicBoolean();
    private final AtomicBoolean indexInFlight = new AtomicBoolean();
    private final Samples durableLatencies = new Samples();
    private final Samples indexLatencies = new Samples();
    private final Samples apiLatencies = new Samples();
    private final AtomicLong indexSearches = new AtomicLong();
    private final AtomicLong apiSearches = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<Throwable> lastError = new AtomicReference<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "visibility-poller");
        thread.setDaemon(true);
        return thread;
    });
    private final long startedNanos = System.nanoTime();
    private volatile long stoppedNanos;

    /**
     * @param durableProbe answers which of the given signals are durable now (tracked alongside, to split the
     *                     latency into intake and projection); null: not tracked
     * @param indexProbe   answers which of the given signals a search of the index finds now
     * @param apiProbe     answers whether an API search finds the signal now; null: index stage only
     */
    VisibilityTracker(Function<Set<String>, CompletableFuture<Set<String>>> durableProbe,
                      Function<Set<String>, CompletableFuture<Set<String>>> indexProbe,
                      Function<String, CompletableFuture<Boolean>> apiProbe, int pollMillis) {
        this.durableProbe = durableProbe;
        this.indexProbe = indexProbe;
        this.apiProbe = apiProbe;
        timer.scheduleAtFixedRate(this::tick, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    /** Starts tracking a signal written at {@code writtenNanos} ({@link System#nanoTime()}). */
    void track(String signal, long writtenNanos) {
        if (durableProbe != null) {
            pendingDurable.put(signal, writtenNanos);
        }
        pendingInIndex.put(signal, writtenNanos);
    }

    private void tick() {
        if (!pendingDurable.isEmpty() && durableInFlight.compareAndSet(false, true)) {
            search(() -> durableProbe.apply(Set.copyOf(pendingDurable.keySet()))).whenComplete((found, error) -> {
                long now = System.nanoTime();
                if (error != null) {
                    failed(error);
                } else {
                    for (String signal : found) {
                        Long written = pendingDurable.remove(signal);
                        if (written != null) {
                            durableLatencies.add(now - written);
                        }
                    }
                }
                durableInFlight.set(false);
            });
        }
        if (!pendingInIndex.isEmpty() && indexInFlight.compareAndSet(false, true)) {
            indexSearches.incrementAndGet();
            search(() -> indexProbe.apply(Set.copyOf(pendingInIndex.keySet()))).whenComplete((found, error) -> {
                long now = System.nanoTime();
                if (error != null) {
                    failed(error);
                } else {
                    for (String signal : found) {
                        Long written = pendingInIndex.remove(signal);
                        if (written != null) {
                            indexLatencies.add(now - written);
                            if (apiProbe != null) {
                                pendingInApi.put(signal, written);
                                askApi(signal);
                            }
                        }
                    }
                }
                indexInFlight.set(false);
            });
        }
        pendingInApi.keySet().forEach(this::askApi);
    }

    private void askApi(String signal) {
        if (apiInFlight.putIfAbsent(signal, Boolean.TRUE) != null) {
            return;
        }
        apiSearches.incrementAndGet();
        search(() -> apiProbe.apply(signal)).whenComplete((found, error) -> {
            long now = System.nanoTime();
            if (error != null) {
                failed(error);
            } else if (found) {
                Long written = pendingInApi.remove(signal);
                if (written != null) {
                    apiLatencies.add(now - written);
                }
            }
            apiInFlight.remove(signal);
        });
    }

    private static <T> CompletableFuture<T> search(java.util.function.Supplier<CompletableFuture<T>> search) {
        try {
            return search.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void failed(Throwable error) {
        errors.incrementAndGet();
        lastError.set(error);
    }

    /**
     * Waits until nothing is pending or the timeout passes; signals still pending then count as never found
     * (the largest latency there is) in both stages. Answers how many were not found through the last stage.
     */
    int awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((!pendingInIndex.isEmpty() || !pendingInApi.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        stoppedNanos = System.nanoTime();
        timer.shutdownNow();
        for (int i = 0; i < pendingDurable.size(); i++) {
            durableLatencies.add(Long.MAX_VALUE);
        }
        int notInIndex = pendingInIndex.size();
        for (int i = 0; i < notInIndex; i++) {
            indexLatencies.add(Long.MAX_VALUE);
        }
        if (apiProbe == null) {
            return notInIndex;
        }
        int notInApi = notInIndex + pendingInApi.size();
        for (int i = 0; i < notInApi; i++) {
            apiLatencies.add(Long.MAX_VALUE);
        }
        return notInApi;
    }

    Samples durableLatencies() {
        return durableLatencies;
    }

    Samples indexLatencies() {
        return indexLatencies;
    }

    Samples apiLatencies() {
        return apiLatencies;
    }

    long indexSearches() {
        return indexSearches.get();
    }

    long apiSearches() {
        return apiSearches.get();
    }

    /** Searches per second (both stages) while tracking: the load the measurement itself added. */
    double searchesPerSecond() {
        long end = stoppedNanos == 0 ? System.nanoTime() : stoppedNanos;
        return (indexSearches.get() + apiSearches.get()) / ((end - startedNanos) / 1e9);
    }

    long errors() {
        return errors.get();
    }

    Throwable lastError() {
        return lastError.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
