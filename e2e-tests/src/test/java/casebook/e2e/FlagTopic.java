package casebook.e2e;

import casebook.client.model.Flag;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** The Kafka side of flag intake, as a detection system and an operator see it: the flag topic and its dead letters. */
public final class FlagTopic {
    public static final String TOPIC = "casebook.flags.v1";
    public static final String DEAD_LETTERS = "casebook.flags.v1.dlt";
    public static final String REASON = "casebook-dlt-reason";
    public static final String DETAIL = "casebook-dlt-detail";

    private final String bootstrapServers;
    private final ObjectMapper json;

    FlagTopic(String bootstrapServers, ObjectMapper json) {
        this.bootstrapServers = bootstrapServers;
        this.json = json;
    }

    /** The record key detection systems use: {@code region/kind/subjectId/category}. */
    public static String key(Flag flag) {
        return flag.getRegion() + "/" + flag.getSubject().getKind() + "/" + flag.getSubject().getId() + "/" + flag.getCategory();
    }

    /**
     * Publishes a flag as JSON, keyed as detection systems key it, and waits for the broker's ack.
     * Returns the partition it went to.
     */
    public int publish(Flag flag) {
        return send(new ProducerRecord<>(TOPIC, key(flag), json(flag)));
    }

    /**
     * Publishes a flag to a given partition, for a test that needs to know when an earlier record of that partition
     * was consumed: the consumer handles a partition in order.
     */
    public int publish(Flag flag, int partition) {
        return send(new ProducerRecord<>(TOPIC, partition, key(flag), json(flag)));
    }

    /** Publishes any bytes (say, broken JSON) and waits for the broker's ack. Returns the partition. */
    public int publish(String key, byte[] value) {
        return send(new ProducerRecord<>(TOPIC, key, value));
    }

    private byte[] json(Flag flag) {
        try {
            return json.writeValueAsBytes(flag);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int send(ProducerRecord<String, byte[]> record) {
        return KafkaRecords.send(bootstrapServers, record);
    }

    /** Waits (generously) for a dead letter matching {@code wanted} and returns it. */
    public DeadLetter awaitDeadLetter(Predicate<DeadLetter> wanted, Duration atMost) {
        List<DeadLetter> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            return await("a dead letter on " + DEAD_LETTERS).atMost(atMost).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                            seen.add(DeadLetter.of(record));
                        }
                        return seen.stream().filter(wanted).findFirst();
                    }, Optional::isPresent).orElseThrow();
        }
    }

    public record DeadLetter(String key, String value, Map<String, String> headers) {
        static DeadLetter of(ConsumerRecord<String, byte[]> record) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            return new DeadLetter(record.key(),
                    record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8), headers);
        }

        public String reason() {
            return headers.get(REASON);
        }

        public String detail() {
            return headers.get(DETAIL);
        }
    }
}
