package casebook.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's enforcement system: a <b>stand-in for the marketplace's enforcement systems</b> (seller, creator and
 * payment enforcement), run by the platform command ({@code infra/platform}) only, so that a decided case of the demo
 * gets an enforcement result. It enforces nothing. It reads every order on {@value #ORDERS_TOPIC} with a consumer
 * group of its own ({@value #GROUP}) and answers each on {@value #RESULTS_TOPIC} as the contract says
 * (api-specs/asyncapi, EnforcementResult): the order's {@code actionId}, {@code attempt}, {@code caseId} and
 * {@code region}, {@code APPLIED} or {@code FAILED}, reported by system {@value #SYSTEM}. Actions and
 * {@code REVERSAL}s alike.
 * <p>
 * <b>Failures.</b> A configurable share of first attempts fails ({@value #FAILURE_SHARE_VARIABLE} or
 * {@code -D}{@value #FAILURE_SHARE_PROPERTY}: a share such as {@code 0.1} or a percentage such as {@code 10%};
 * default 10%). Which ones is decided by the action id, so the same order always gets the same answer; a retried
 * attempt (2 and later) is always applied, so a lead's retry in the demo succeeds.
 * <p>
 * <b>Nothing the service would dead-letter.</b> An order that is not JSON, or lacks a well-formed actionId, attempt,
 * caseId, region or kind, is skipped and logged (its offset is committed; the consumer carries on). An order that
 * is superseded (a later attempt of the same action was already seen, in the same poll or earlier) or a duplicate
 * (that attempt was already answered) is not answered: the service would refuse a result for an earlier attempt.
 * Results are sent and acknowledged before the orders' offsets are committed; a failure to send is retried from the
 * first uncommitted order.
 */
public final class DemoEnforcement implements AutoCloseable {

    public static final String ORDERS_TOPIC = "casebook.enforcement.v1";
    public static final String RESULTS_TOPIC = "casebook.enforcement-results.v1";
    public static final String GROUP = "casebook-demo-enforcement";
    /** The {@code system} of every result (recorded as the case's {@code reportedBy}). */
    public static final String SYSTEM = "demo-enforcement";
    public static final String FAILURE_SHARE_VARIABLE = "CASEBOOK_DEMO_ENFORCEMENT_FAILURES";
    public static final String FAILURE_SHARE_PROPERTY = "casebook.demo-enforcement.failures";
    public static final double DEFAULT_FAILURE_SHARE = 0.1;

    private static final Logger log = LoggerFactory.getLogger(DemoEnforcement.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGION = Pattern.compile("[A-Z]{2,8}");
    /** An action's name as it is logged ({@code BAN_SELLER}); anything else is logged as "action". */
    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z_]{0,39}");
    private static final int MAX_ATTEMPT = 1_000_000;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    private static final int BUCKETS = 10_000;

    private final String bootstrapServers;
    private final String ordersTopic;
    private final String resultsTopic;
    private final String group;
    private final double failureShare;
    /** The highest attempt seen per action id, and the highest answered: superseded and repeated orders. */
    private final Map<String, Integer> latestSeen = new HashMap<>();
    private final Map<String, Integer> answered = new HashMap<>();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile String startAt = "earliest";
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /** The platform's: the service's topics, group {@value #GROUP}, the failure share from the environment. */
    public static DemoEnforcement forPlatform(String bootstrapServers) {
        return new DemoEnforcement(bootstrapServers, ORDERS_TOPIC, RESULTS_TOPIC, GROUP, configuredFailureShare());
    }

    /** The failure share this JVM is configured with; an unusable value is an IllegalArgumentException saying why. */
    public static double configuredFailureShare() {
        return failureShare(System.getenv(FAILURE_SHARE_VARIABLE), System.getProperty(FAILURE_SHARE_PROPERTY));
    }

    public DemoEnforcement(String bootstrapServers, String ordersTopic, String resultsTopic, String group,
                           double failureShare) {
        if (!(failureShare >= 0 && failureShare <= 1)) {
            throw new IllegalArgumentException("the failure share is between 0 and 1, not " + failureShare);
        }
        this.bootstrapServers = bootstrapServers;
        this.ordersTopic = ordersTopic;
        this.resultsTopic = resultsTopic;
        this.group = group;
        this.failureShare = failureShare;
    }

    /**
     * The failure share: the system property if set, else the environment variable, else
     * {@value #DEFAULT_FAILURE_SHARE}; {@code 0.25} or {@code 25%}.
     */
    static double failureShare(String variable, String property) {
        String value = property != null && !property.isBlank() ? property
                : variable != null && !variable.isBlank() ? variable : null;
        if (value == null) {
            return DEFAULT_FAILURE_SHARE;
        }
        String text = value.trim();
        double share;
        try {
            share = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100
                    : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            share = Double.NaN;
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(FAILURE_SHARE_VARIABLE + " (or -D" + FAILURE_SHARE_PROPERTY
                    + ") is the share of first attempts the demo enforcement system fails: 0 to 1 (0.1) or 0% to"
                    + " 100% (10%), not '" + value + "'");
        }
        return share;
    }

    public double failureShare() {
        return failureShare;
    }

    /** Results sent so far. */
    public long answers() {
        return answers.get();
    }

    /** Orders skipped so far as unusable (not JSON, or not an order). */
    public long skipped() {
        return skipped.get();
    }

    /**
     * Starts reading orders published from now on (a group new to the topic skips what is there), and returns once
     * it reads the topic: for a test that shares the topic with others.
     */
    public DemoEnforcement startFromNowOn(Duration atMost) {
        startAt = "latest";
        start();
        try {
            if (!assigned.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException("the demo enforcement system got no partition of " + ordersTopic
                        + " within " + atMost);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while the demo enforcement system joined its group", e);
        }
        return this;
    }

    /** Starts reading orders in a thread of its own; returns at once. */
    public synchronized DemoEnforcement start() {
        if (thread != null) {
            throw new IllegalStateException("the demo enforcement system is already started");
        }
        running = true;
        thread = new Thread(this::run, "demo-enforcement");
        thread.setDaemon(true);
        thread.start();
        log.info("Demo enforcement system: answering orders on {} ({} of first attempts fail, retries are applied)",
                ordersTopic, percent(failureShare));
        return this;
    }

    /** Stops reading and waits for the thread to end. */
    @Override
    public synchronized void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.4g", share * 100).replaceAll("\\.?0+$", "") + "%";
    }

    private void run() {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, startAt,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaConsumer<String, byte[]> orders = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<String, String> results = new KafkaProducer<>(producerConfig, new StringSerializer(),
                     new StringSerializer())) {
            consumer = orders;
            orders.subscribe(List.of(ordersTopic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitions.forEach(orders::position); // where a new group starts, fixed now
                    assigned.countDown();
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // offsets are committed after each answered poll: nothing to do
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> batch = orders.poll(POLL);
                if (batch.isEmpty()) {
                    continue;
                }
                try {
                    answer(batch, results);
                    orders.commitSync();
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.warn("Demo enforcement system: cannot answer orders now ({}); trying again from the first"
                            + " unanswered one", e.getMessage());
                    rewind(orders, batch);
                    pause();
                }
            }
        } catch (WakeupException e) {
            // close() while polling
        } catch (RuntimeException e) {
            log.error("Demo enforcement system stopped: {}", e.getMessage(), e);
        } finally {
            consumer = null;
        }
    }

    private void answer(ConsumerRecords<String, byte[]> batch, KafkaProducer<String, String> results) {
        List<Order> orders = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            Order order = order(record);
            if (order != null) {
                orders.add(order);
                latestSeen.merge(order.actionId(), order.attempt(), Math::max);
            }
        }
        Map<Order, Future<RecordMetadata>> sent = new LinkedHashMap<>();
        for (Order order : orders) {
            if (order.attempt() < latestSeen.get(order.actionId())) {
                log.info("Demo enforcement system: order {} attempt {} is superseded by attempt {}: not answered",
                        order.actionId(), order.attempt(), latestSeen.get(order.actionId()));
            } else if (order.attempt() <= answered.getOrDefault(order.actionId(), 0)
                    || sent.keySet().stream().anyMatch(order::sameAttempt)) {
                log.debug("Demo enforcement system: order {} attempt {} again: already answered", order.actionId(),
                        order.attempt());
            } else {
                sent.put(order, results.send(new ProducerRecord<>(resultsTopic, order.key(), result(order))));
            }
        }
        for (Map.Entry<Order, Future<RecordMetadata>> entry : sent.entrySet()) {
            Order order = entry.getKey();
            await(entry.getValue());
            answered.merge(order.actionId(), order.attempt(), Math::max);
            answers.incrementAndGet();
            log.info("Demo enforcement system: {} {} {} attempt {} of case {} ({}): {}", order.kind(), order.action(),
                    order.actionId(), order.attempt(), order.caseId(), order.region(), outcome(order));
        }
    }

    /** The order in a record, or null (skipped and logged) when it is not one the service could have sent. */
    private Order order(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        JsonNode json;
        try {
            json = JSON.readTree(record.value());
        } catch (Exception e) { // the value itself is not logged: it may hold a subject's data
            return skip(where, "not JSON");
        }
        if (json == null || !json.isObject()) {
            return skip(where, "not a JSON object");
        }
        String actionId = uuid(json, "actionId");
        String caseId = uuid(json, "caseId");
        JsonNode attempt = json.path("attempt");
        String region = json.path("region").asText("");
        String kind = json.path("kind").asText("");
        if (actionId == null) {
            return skip(where, "actionId: missing or not a UUID");
        }
        if (caseId == null) {
            return skip(where, "caseId: missing or not a UUID");
        }
        if (!attempt.isIntegralNumber() || attempt.asLong() < 1 || attempt.asLong() > MAX_ATTEMPT) {
            return skip(where, "attempt: missing or not a number from 1 to " + MAX_ATTEMPT);
        }
        if (!json.path("region").isTextual() || !REGION.matcher(region).matches()) {
            return skip(where, "region: missing or not 2-8 capital letters");
        }
        if (!kind.equals("ACTION") && !kind.equals("REVERSAL")) {
            return skip(where, "kind: missing or neither ACTION nor REVERSAL");
        }
        String action = json.path("action").asText("");
        return new Order(actionId, attempt.asInt(), caseId, region, kind, ACTION.matcher(action).matches() ? action
                : "action", record.key());
    }

    private Order skip(String where, String why) {
        skipped.incrementAndGet();
        log.warn("Demo enforcement system: skipped the record at {}, not an enforcement order: {}", where, why);
        return null;
    }

    private static String uuid(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isTextual() || value.asText().length() != 36) {
            return null;
        }
        try {
            UUID.fromString(value.asText());
            return value.asText();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether this order fails: a first attempt whose action id falls in the failing share; retries never fail. */
    boolean fails(Order order) {
        if (order.attempt() > 1) {
            return false;
        }
        UUID id = UUID.fromString(order.actionId());
        long bucket = Math.floorMod(id.getMostSignificantBits() ^ id.getLeastSignificantBits(), BUCKETS);
        return bucket < failureShare * BUCKETS;
    }

    private String outcome(Order order) {
        return fails(order) ? "FAILED" : "APPLIED";
    }

    /** The EnforcementResult of the contract for an order. */
    String result(Order order) {
        ObjectNode result = JSON.createObjectNode()
                .put("actionId", order.actionId())
                .put("attempt", order.attempt())
                .put("caseId", order.caseId())
                .put("region", order.region())
                .put("outcome", outcome(order));
        if (fails(order)) {
            result.put("reason", "Simulated failure of the demo enforcement system (it fails " + percent(failureShare)
                    + " of first attempts, " + FAILURE_SHARE_VARIABLE + "); a retry is applied.");
        }
        return result.put("system", SYSTEM).toString();
    }

    private static void await(Future<RecordMetadata> sent) {
        try {
            sent.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take a result: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a result", e);
        }
    }

    private static void rewind(KafkaConsumer<String, byte[]> orders, ConsumerRecords<String, byte[]> batch) {
        for (TopicPartition partition : batch.partitions()) {
            orders.seek(partition, batch.records(partition).get(0).offset());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** What this system reads of an order; the key (the subject id) is only passed on as the result's key. */
    record Order(String actionId, int attempt, String caseId, String region, String kind, String action, String key) {
        boolean sameAttempt(Order other) {
            return actionId.equals(other.actionId) && attempt == other.attempt;
        }
    }
}
