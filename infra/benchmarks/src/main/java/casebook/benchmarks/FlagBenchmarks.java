package casebook.benchmarks;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Flags in over Kafka: sustained intake (benchmark 1) and flag-to-searchable latency (benchmark 2). */
final class FlagBenchmarks {

    private static final Logger log = LoggerFactory.getLogger(FlagBenchmarks.class);
    private static final Duration DURABLE_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration INDEXED_TIMEOUT = Duration.ofMinutes(3);
    private static final long SEND_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Casebook casebook;
    private final String bootstrapServers;

    FlagBenchmarks(Casebook casebook, String bootstrapServers) {
        this.casebook = casebook;
        this.bootstrapServers = bootstrapServers;
    }

    record Intake(int flags, int subjects, double produceSeconds, double durableSeconds, double indexedSeconds,
                  Casebook.Counters work) {
        double flagsPerSecond() {
            return flags / durableSeconds;
        }
    }

    record Latency(double targetRate, double producedRate, int flags, int subjects, Samples apiLatencies,
                   Samples indexLatencies, Samples durableLatencies, int samples, int unresolved, long indexSearches, long apiSearches,
                   double searchesPerSecond, long searchErrors, String lastSearchError, double drainSeconds) {
    }

    /**
     * {@code flags} flags over {@code subjects} subjects (uniformly at random, so ~flags/subjects per case), sent as
     * fast as the producer goes; timed from the first send until the service has committed their offsets, which it
     * does after their events (the database then holds all of them as durable, checked once).
     * Also times when the search projection has indexed them all (not part of the intake figure).
     */
    Intake intake(String prefix, int flags, int subjects) throws SQLException, InterruptedException {
        List<Flags.Subject> pool = Flags.pool(prefix, subjects);
        SplittableRandom random = new SplittableRandom(prefix.hashCode());
        String[] values = new String[flags];
        Flags.Subject[] targets = new Flags.Subject[flags];
        for (int i = 0; i < flags; i++) {
            targets[i] = pool.get(random.nextInt(subjects));
            values[i] = Flags.json(prefix + "-" + i, targets[i], random);
        }
        long target = casebook.durableFlags() + flags;
        long indexTarget = casebook.indexedFlags() + flags;
        Casebook.Counters before = casebook.counters();
        try (Flags producer = new Flags(bootstrapServers); FlagOffsets offsets = new FlagOffsets(bootstrapServers)) {
            log.info("{}: sending {} flags over {} subjects", prefix, flags, subjects);
            long started = System.nanoTime();
            for (int i = 0; i < flags; i++) {
                producer.send(targets[i], values[i]);
            }
            producer.flush();
            long produced = System.nanoTime();
            long durable = offsets.awaitCommitted(offsets.ends(), DURABLE_TIMEOUT);
            casebook.requireDurable(target);
            log.info("{}: {} flags durable in {} ms (sent in {} ms)", prefix, flags, (durable - started) / 1_000_000,
                    (produced - started) / 1_000_000);
            long indexed = casebook.awaitIndexed(indexTarget, INDEXED_TIMEOUT);
            log.info("{}: all indexed {} ms after the first send", prefix, (indexed - started) / 1_000_000);
            Thread.sleep(1_500); // PostgreSQL's backends flush their statistics about once a second
            Casebook.Counters work = casebook.counters().minus(before);
            return new Intake(flags, subjects, seconds(produced - started), seconds(durable - started),
                    seconds(indexed - started), work);
        }
    }

    /**
     * Flags at a steady {@code rate} per second for {@code seconds}; {@code samplesPerSecond} of them carry a device
     * id of their own (on subjects of region SEA, the analyst's region) and are looked for in the index and then
     * through the API until found (see {@link VisibilityTracker}). A sample replaces a background flag, so the
     * rate stays as asked.
     */
    Latency latency(String prefix, double rate, int seconds, int samplesPerSecond, int pollMillis)
            throws SQLException, InterruptedException {
        int flags = (int) Math.round(rate * seconds);
        int subjects = Math.max(1_000, flags / 5);
        List<Flags.Subject> pool = Flags.pool(prefix, subjects);
        List<Flags.Subject> seaPool = pool.stream().filter(Flags.Subject::inSea).toList();
        SplittableRandom random = new SplittableRandom(prefix.hashCode());
        long sampleEvery = Math.max(1, Math.round(rate / samplesPerSecond));
        long target = casebook.durableFlags() + flags;
        casebook.refreshToken();
        int samples = 0;
        try (Flags producer = new Flags(bootstrapServers); FlagOffsets offsets = new FlagOffsets(bootstrapServers);
             VisibilityTracker tracker = new VisibilityTracker(casebook::durable, casebook::indexHolds,
                     casebook::apiFinds, pollMillis)) {
            log.info("{}: {} flags at {}/s for {} s, one in {} tracked until searchable", prefix, flags,
                    Math.round(rate), seconds, sampleEvery);
            long started = System.nanoTime();
            double nanosPerFlag = TimeUnit.SECONDS.toNanos(1) / rate;
            int sent = 0;
            while (sent < flags) {
                long due = Math.min(flags, (long) ((System.nanoTime() - started) / nanosPerFlag) + 1);
                while (sent < due) {
                    if (sent % sampleEvery == 0) {
                        Flags.Subject subject = seaPool.get(random.nextInt(seaPool.size()));
                        String signal = "lat-" + prefix + "-" + samples++; // the flag's id and its device id
                        String json = Flags.json(signal, subject, signal, random);
                        tracker.track(signal, System.nanoTime());
                        producer.send(subject, json);
                    } else {
                        Flags.Subject subject = pool.get(random.nextInt(subjects));
                        producer.send(subject, Flags.json(prefix + "-" + sent, subject, random));
                    }
                    sent++;
                }
                // sleep until the next flag is due, but at least 5 ms (the producer's linger: Kafka sends what came
                // in meanwhile as one request anyway): waking up for every flag cost this JVM ~0.05 cores, taken
                // from the system measured. Each flag's latency still starts when it is handed to the producer.
                long next = started + (long) (sent * nanosPerFlag);
                LockSupport.parkNanos(Math.max(SEND_TICK_NANOS, next - System.nanoTime()));
            }
            long lastSent = System.nanoTime();
            producer.flush();
            double producedRate = flags / seconds(lastSent - started);
            long drained = offsets.awaitCommitted(offsets.ends(), DURABLE_TIMEOUT);
            casebook.requireDurable(target);
            int unresolved = tracker.awaitAll(Duration.ofSeconds(30));
            log.info("{}: {} samples, {} not found in time; backlog drained {} ms after the last send", prefix, samples,
                    unresolved, (drained - lastSent) / 1_000_000);
            Throwable error = tracker.lastError();
            return new Latency(rate, producedRate, flags, subjects, tracker.apiLatencies(), tracker.indexLatencies(),
                    tracker.durableLatencies(), samples, unresolved, tracker.indexSearches(), tracker.apiSearches(), tracker.searchesPerSecond(),
                    tracker.errors(), error == null ? null : error.toString(), seconds(drained - lastSent));
        }
    }

    /**
     * Opens {@code cases} new cases in region SEA, one flag each on a subject of its own ({@code <prefix>-<n>}), and
     * waits until the service has committed the flags' offsets (so their cases are durable; the index follows).
     */
    void openSeaCases(String prefix, int cases) throws SQLException, InterruptedException {
        List<Flags.Subject> sea = Flags.pool(prefix, cases * 2).stream().filter(Flags.Subject::inSea).toList();
        SplittableRandom random = new SplittableRandom(prefix.hashCode());
        long target = casebook.durableFlags() + sea.size();
        try (Flags producer = new Flags(bootstrapServers); FlagOffsets offsets = new FlagOffsets(bootstrapServers)) {
            for (Flags.Subject subject : sea) {
                producer.send(subject, Flags.json(subject.id() + "-open", subject, random));
            }
            producer.flush();
            offsets.awaitCommitted(offsets.ends(), DURABLE_TIMEOUT);
            casebook.requireDurable(target);
        }
    }

    /**
     * Flags one subject {@code count} times over Kafka and answers its case once all of them are in it (durable): a
     * case of {@code count} events (benchmarks 5 and 6).
     */
    String caseOf(Flags.Subject subject, int count) throws Exception {
        SplittableRandom random = new SplittableRandom(count);
        String prefix = subject.id() + "-flag-";
        try (Flags producer = new Flags(bootstrapServers)) {
            for (int i = 0; i < count; i++) {
                producer.send(subject, Flags.json(prefix + i, subject, random));
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + DURABLE_TIMEOUT.toNanos();
        String caseId = null;
        while (System.nanoTime() < deadline) {
            caseId = casebook.caseOfFlag(prefix + (count - 1));
            if (caseId != null && casebook.readEventRows(caseId) >= count) {
                return caseId;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the " + count + " flags of " + subject.id() + " did not all reach case "
                + caseId + " within " + DURABLE_TIMEOUT.toMinutes() + " min: see the service log");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
