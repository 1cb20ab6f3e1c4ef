package casebook.cases.infrastructure.kafka;

import casebook.cases.CasesAppTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Reads a dead-letter topic from its beginning, as an operator would, and finds a dead letter by the key of the record
 * a test sent: each test sends its records under keys of their own. One per test class; close it after the class.
 */
public final class DeadLetterReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

    public DeadLetterReader(String bootstrapServers, String deadLetterTopic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(deadLetterTopic));
    }

    /** The dead letter of the record sent with this key, once it has arrived (waits up to the tests' patience). */
    public ConsumerRecord<String, byte[]> withKey(String key) {
        await().atMost(CasesAppTest.PATIENCE).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            return read.stream().anyMatch(r -> key.equals(r.key()));
        });
        return read.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    /** The reason header ({@link DeadLetters#REASON}) of the dead letter of the record sent with this key. */
    public String reason(String key) {
        return header(withKey(key), DeadLetters.REASON);
    }

    /** Every key read so far: to show that a record was not dead-lettered, read a later one first. */
    public List<String> keysReadSoFar() {
        return read.stream().map(ConsumerRecord::key).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
