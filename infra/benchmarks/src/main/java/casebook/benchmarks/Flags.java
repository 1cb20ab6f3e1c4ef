package casebook.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Flags as a detection system produces them on {@code casebook.flags.v1}: the documented JSON, keyed
 * {@code region/kind/subjectId/category}, acks=all and idempotent. Subjects come from a pool; half of them are in
 * region SEA, half in US, and every twelve subjects of a region share a "ring" device id (so that a signal search
 * finds a dozen cases, as a fraud-ring search does).
 */
final class Flags implements AutoCloseable {

    static final String TOPIC = "casebook.flags.v1";
    private static final String[] KINDS = {"SELLER", "CREATOR", "TRANSACTION"};
    private static final String[] CATEGORIES = {"ACCOUNT_INTEGRITY", "INCENTIVE_ABUSE", "BRUSHING", "CLICK_FARM",
            "SCALPING", "PAYMENT_FRAUD", "KYC_FRAUD", "AFFILIATION_COLLUSION", "INFORMATION_LEAKAGE",
            "OTHER_MALICIOUS_ACTIVITY"};

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong acked = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    Flags(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG, "casebook-benchmarks"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** One subject of a pool, with the case identity the service keys on. */
    record Subject(String region, String kind, String id, String category, String deviceId, String ringDeviceId) {
        String key() {
            return region + "/" + kind + "/" + id + "/" + category;
        }

        boolean inSea() {
            return "SEA".equals(region);
        }
    }

    /** {@code count} subjects named {@code <prefix>-<n>}; subjects n and n + count/12 share a ring device id. */
    static List<Subject> pool(String prefix, int count) {
        int rings = Math.max(2, (count / 12) & ~1); // even: a ring holds subjects of one region only
        return java.util.stream.IntStream.range(0, count).mapToObj(n -> new Subject(
                n % 2 == 0 ? "SEA" : "US",
                KINDS[n % KINDS.length],
                prefix + "-" + n,
                CATEGORIES[(n / 6) % CATEGORIES.length],
                "dev-" + prefix + "-" + n,
                "ring-" + prefix + "-" + (n % rings))).toList();
    }

    /** The ring device ids of region SEA in a pool made by {@link #pool}. */
    static List<String> seaRings(List<Subject> pool) {
        return pool.stream().filter(Subject::inSea).map(Subject::ringDeviceId).distinct().toList();
    }

    /** A flag on the subject carrying its own and its ring's device ids. */
    static String json(String flagId, Subject subject, SplittableRandom random) {
        return document(flagId, subject, "[\"" + subject.deviceId() + "\",\"" + subject.ringDeviceId() + "\"]", random);
    }

    /** A flag on the subject whose only device id is {@code deviceId}. */
    static String json(String flagId, Subject subject, String deviceId, SplittableRandom random) {
        return document(flagId, subject, "[\"" + deviceId + "\"]", random);
    }

    private static String document(String flagId, Subject subject, String deviceIds, SplittableRandom random) {
        int score = 50 + random.nextInt(50);
        int cents = 1_000 + random.nextInt(500_000);
        return "{\"flagId\":\"" + flagId + "\","
                + "\"source\":{\"kind\":\"MODEL\",\"id\":\"" + subject.category().toLowerCase() + "-detector\","
                + "\"version\":\"3.2.0\"},"
                + "\"subject\":{\"kind\":\"" + subject.kind() + "\",\"id\":\"" + subject.id() + "\"},"
                + "\"region\":\"" + subject.region() + "\",\"category\":\"" + subject.category() + "\","
                + "\"score\":0." + score + ","
                + "\"moneyAtRisk\":{\"amount\":\"" + cents / 100 + "." + String.format("%02d", cents % 100)
                + "\",\"currency\":\"USD\"},"
                + "\"signals\":{\"deviceIds\":" + deviceIds + ",\"ips\":[\"203.0." + random.nextInt(256) + "."
                + random.nextInt(256) + "\"]},"
                + "\"observedAt\":\"2026-11-20T08:15:00Z\"}";
    }

    /** Sends asynchronously; failures are kept and thrown by {@link #flush()}. */
    void send(Subject subject, String json) {
        producer.send(new ProducerRecord<>(TOPIC, subject.key(), json.getBytes(StandardCharsets.UTF_8)),
                (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    } else {
                        acked.incrementAndGet();
                    }
                });
    }

    /** Waits until every flag sent so far is acknowledged by the broker. */
    void flush() {
        producer.flush();
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("Kafka refused a flag: " + failed, failed);
        }
    }

    long acked() {
        return acked.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
