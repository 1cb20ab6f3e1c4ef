package casebook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * What Casebook publishes about decided cases, as the systems downstream see it: enforcement orders (and the
 * results they report back), labels for model owners.
 */
public final class EnforcementTopic {
    public static final String TOPIC = "casebook.enforcement.v1";
    public static final String RESULTS = "casebook.enforcement-results.v1";
    public static final String MODEL_FEEDBACK = "casebook.model-feedback.v1";
    public static final String SUBJECT_NOTICES = "casebook.subject-notices.v1";

    private final String bootstrapServers;
    private final ObjectMapper json;

    EnforcementTopic(String bootstrapServers, ObjectMapper json) {
        this.bootstrapServers = bootstrapServers;
        this.json = json;
    }

    /**
     * The orders of one case: waits until {@code expected} have arrived and every record the topic held when the
     * reading began has been read, then keeps reading for {@code quiet} more, so that a duplicate (or, with
     * {@code expected} 0, an order at all) shows up in the answer instead of going unnoticed.
     */
    public List<Order> ordersOf(UUID caseId, int expected, Duration atMost, Duration quiet) {
        return recordsOf(TOPIC, caseId, expected, atMost, quiet);
    }

    /** The labels model owners receive about one case; see {@link #ordersOf}. */
    public List<Order> labelsOf(UUID caseId, int expected, Duration atMost, Duration quiet) {
        return recordsOf(MODEL_FEEDBACK, caseId, expected, atMost, quiet);
    }

    /** The notices the subject of one case receives (statements of reasons, appeal outcomes); see {@link #ordersOf}. */
    public List<Order> noticesOf(UUID caseId, int expected, Duration atMost, Duration quiet) {
        return recordsOf(SUBJECT_NOTICES, caseId, expected, atMost, quiet);
    }

    private List<Order> recordsOf(String topic, UUID caseId, int expected, Duration atMost, Duration quiet) {
        List<Order> orders = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            // every partition, assigned rather than subscribed: no group to join before the first record, and an
            // end to read up to, so that finding nothing means nothing was there
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await("%d records on %s about case %s, and the topic read to its end".formatted(expected, topic, caseId))
                    .atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> read(consumer, caseId, orders) >= expected && readUpTo(consumer, end));
            long until = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < until) {
                read(consumer, caseId, orders);
            }
        }
        return orders;
    }

    private static boolean readUpTo(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** Reports an order's outcome as an enforcement system does, echoing its action, attempt, case and region. */
    public void report(Order order, String outcome, String reason) {
        Map<String, Object> result = new java.util.LinkedHashMap<>(Map.of("actionId", order.actionId(),
                "attempt", order.attempt(), "caseId", order.value().path("caseId").asText(),
                "region", order.value().path("region").asText(), "outcome", outcome, "system", "e2e-enforcement"));
        if (reason != null) {
            result.put("reason", reason);
        }
        try {
            KafkaRecords.send(bootstrapServers, new ProducerRecord<>(RESULTS, order.value().path("caseId").asText(),
                    json.writeValueAsBytes(result)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int read(KafkaConsumer<String, byte[]> consumer, UUID caseId, List<Order> orders) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            try {
                JsonNode value = json.readTree(record.value());
                if (caseId.toString().equals(value.path("caseId").asText())) {
                    orders.add(new Order(record.key(), value));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("an enforcement order that is not JSON", e);
            }
        }
        return orders.size();
    }

    public record Order(String key, JsonNode value) {
        public String actionId() {
            return value.path("actionId").asText();
        }

        public String action() {
            return value.path("action").asText();
        }

        public int attempt() {
            return value.path("attempt").asInt();
        }
    }
}
