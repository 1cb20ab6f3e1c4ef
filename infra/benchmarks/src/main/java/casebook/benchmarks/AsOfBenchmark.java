package casebook.benchmarks;

import java.net.http.HttpRequest;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark 5: an auditor's question "what did this case look like at instant T", for a case of 1,000 events. One
 * subject is flagged 1,000 times over Kafka (each flag after the first joins its open case as one more event), then
 * {@code GET /api/v1/cases/{id}/history?asOf=} rebuilds the case from the event store at an instant after its last
 * event, so every event is read and folded. Closed loop, one client, after a warm-up; compared with reading the same
 * rows over JDBC, which any reconstruction from the event store must do at least.
 */
final class AsOfBenchmark {

    private static final Logger log = LoggerFactory.getLogger(AsOfBenchmark.class);
    static final int EVENTS = 1_000;

    record Result(String caseId, int events, Samples api, Samples rows, int warmup) {
    }

    private final Casebook casebook;
    private final FlagBenchmarks flags;

    AsOfBenchmark(Casebook casebook, FlagBenchmarks flags) {
        this.casebook = casebook;
        this.flags = flags;
    }

    Result run(int requests, int warmup) throws Exception {
        Flags.Subject subject = new Flags.Subject("SEA", "SELLER", "as-of-" + System.currentTimeMillis(),
                "BRUSHING", "dev-as-of", "ring-as-of");
        String caseId = flags.caseOf(subject, EVENTS);
        int events = casebook.readEventRows(caseId);
        if (events < EVENTS) {
            throw new IllegalStateException("the case " + caseId + " holds " + events + " events, not " + EVENTS);
        }
        Thread.sleep(1_000); // the instant asked lies after the case's last event, not on its millisecond
        Instant asOf = Instant.now();
        casebook.refreshToken();
        HttpRequest request = casebook.apiAsOf(caseId, asOf);
        JsonNode answer = casebook.http().ok(request);
        if (answer.path("events").size() != events || answer.path("state").isMissingNode()) {
            throw new IllegalStateException("as of " + asOf + " the API answered " + answer.path("events").size()
                    + " events" + (answer.path("state").isMissingNode() ? " and no state" : "") + ", not " + events);
        }
        for (int i = 0; i < warmup; i++) {
            casebook.http().ok(request);
            casebook.readEventRows(caseId);
        }
        Samples api = new Samples();
        Samples rows = new Samples();
        for (int i = 0; i < requests; i++) { // taking turns, so that a disturbance of the machine hits both alike
            long started = System.nanoTime();
            casebook.http().ok(request);
            api.add(System.nanoTime() - started);
            started = System.nanoTime();
            casebook.readEventRows(caseId);
            rows.add(System.nanoTime() - started);
        }
        log.info("As of an instant, {} events: API p50 {} ms, p95 {} ms; the rows over JDBC p50 {} ms", events,
                String.format("%.1f", api.millis(0.5)), String.format("%.1f", api.millis(0.95)),
                String.format("%.1f", rows.millis(0.5)));
        return new Result(caseId, events, api, rows, warmup);
    }
}
