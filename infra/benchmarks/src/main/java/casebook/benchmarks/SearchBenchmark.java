package casebook.benchmarks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark 3: the analyst's signal search through the API against the same search sent straight to
 * Elasticsearch, closed loop from a few threads. The targets take turns in rounds, so that a disturbance of the
 * machine hits all of them alike.
 */
final class SearchBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SearchBenchmark.class);
    private static final int ROUNDS = 4;

    enum Target {
        ES_TERM("Elasticsearch, term query + region filter"),
        ES_SERVICE_QUERY("Elasticsearch, the service's own query"),
        API("API GET /api/v1/cases?signal=");

        final String label;

        Target(String label) {
            this.label = label;
        }
    }

    record Result(Map<Target, Samples> latencies, Map<Target, Double> requestsPerSecond, int signals,
                  double meanHits) {
    }

    private final Casebook casebook;
    private final int threads;
    private final int pageSize;

    SearchBenchmark(Casebook casebook, int threads, int pageSize) {
        this.casebook = casebook;
        this.threads = threads;
        this.pageSize = pageSize;
    }

    Result run(List<String> signals, int requestsPerTarget, int warmupPerTarget) throws Exception {
        casebook.refreshToken();
        double meanHits = check(signals);
        Map<Target, Function<String, HttpRequest>> requests = targets();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Map.Entry<Target, Function<String, HttpRequest>> target : requests.entrySet()) {
                closedLoop(pool, signals, target.getValue(), warmupPerTarget, new Samples());
            }
            Map<Target, Samples> latencies = new LinkedHashMap<>();
            Map<Target, Long> busyNanos = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                int perRound = requestsPerTarget / ROUNDS + (round < requestsPerTarget % ROUNDS ? 1 : 0);
                for (Map.Entry<Target, Function<String, HttpRequest>> target : requests.entrySet()) {
                    Samples samples = latencies.computeIfAbsent(target.getKey(), t -> new Samples());
                    long took = closedLoop(pool, signals, target.getValue(), perRound, samples);
                    busyNanos.merge(target.getKey(), took, Long::sum);
                }
            }
            Map<Target, Double> throughput = new LinkedHashMap<>();
            latencies.forEach((target, samples) ->
                    throughput.put(target, samples.size() / (busyNanos.get(target) / 1e9)));
            latencies.forEach((target, samples) -> log.info("{}: p50 {} ms, p95 {} ms over {} requests", target,
                    String.format("%.2f", samples.millis(0.50)), String.format("%.2f", samples.millis(0.95)),
                    samples.size()));
            return new Result(latencies, throughput, signals.size(), meanHits);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Sends {@code requests} searches to each target for the warm-up's signals, nothing measured, so that the
     * JIT compilers of the service, Elasticsearch and this JVM compile the search paths before they are measured.
     */
    void warmUp(List<String> signals, int requests) throws Exception {
        casebook.refreshToken();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Function<String, HttpRequest> target : targets().values()) {
                closedLoop(pool, signals, target, requests, new Samples());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<Target, Function<String, HttpRequest>> targets() {
        Map<Target, Function<String, HttpRequest>> requests = new LinkedHashMap<>();
        requests.put(Target.ES_TERM, signal -> casebook.esTermSearch(signal, pageSize));
        requests.put(Target.ES_SERVICE_QUERY, signal -> casebook.esServiceQuery(signal, pageSize));
        requests.put(Target.API, signal -> casebook.apiSearch(signal, pageSize));
        return requests;
    }

    /** The three targets must find the same cases, or the comparison means nothing. Answers the mean hit count. */
    private double check(List<String> signals) {
        long hits = 0;
        int checked = Math.min(20, signals.size());
        for (String signal : signals.subList(0, checked)) {
            long api = Http.parse(casebook.apiSearch(signal, pageSize),
                    casebook.http().send(casebook.apiSearch(signal, pageSize))).path("total").asLong();
            long term = casebook.http().ok(casebook.esTermSearch(signal, pageSize))
                    .path("hits").path("total").path("value").asLong();
            long same = casebook.http().ok(casebook.esServiceQuery(signal, pageSize))
                    .path("hits").path("total").path("value").asLong();
            if (api != term || api != same || api == 0) {
                throw new IllegalStateException("signal " + signal + ": the API finds " + api
                        + " cases, Elasticsearch " + term + " (term query) and " + same + " (service query)");
            }
            hits += api;
        }
        return hits / (double) checked;
    }

    /** {@code requests} requests spread over the threads, each thread sending its next as soon as one is answered. */
    private long closedLoop(ExecutorService pool, List<String> signals, Function<String, HttpRequest> request,
                            int requests, Samples samples) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int mine = requests / threads + (t < requests % threads ? 1 : 0);
            SplittableRandom random = new SplittableRandom(31L * t + requests);
            running.add(pool.submit(() -> {
                for (int i = 0; i < mine; i++) {
                    HttpRequest next = request.apply(signals.get(random.nextInt(signals.size())));
                    long sent = System.nanoTime();
                    HttpResponse<String> response = casebook.http().send(next);
                    long took = System.nanoTime() - sent;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(next.uri() + " answered " + response.statusCode() + ": "
                                + response.body());
                    }
                    samples.add(took);
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        return System.nanoTime() - started;
    }
}
