package casebook.cases.infrastructure.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

/**
 * The one way a consumer sets a record aside (invariant 13): the original key, value and headers go to the dead-letter
 * topic with the reason in {@code casebook-dlt-*} headers, and Kafka's acknowledgement is awaited, so that the
 * caller may then commit the original offset without losing the record.
 */
@Component
public class DeadLetters {
    public static final String REASON = "casebook-dlt-reason";
    public static final String DETAIL = "casebook-dlt-detail";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry metrics;

    DeadLetters(KafkaTemplate<String, byte[]> kafka, MeterRegistry metrics) {
        this.kafka = kafka;
        this.metrics = metrics;
    }

    public void send(ConsumerRecord<String, byte[]> record, String deadLetterTopic, String reason, String detail) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(),
                new RecordHeaders(record.headers().toArray()));
        letter.headers().add(REASON, bytes(reason));
        letter.headers().add(DETAIL, bytes(detail));
        letter.headers().add("casebook-dlt-original-topic", bytes(record.topic()));
        letter.headers().add("casebook-dlt-original-partition", bytes(String.valueOf(record.partition())));
        letter.headers().add("casebook-dlt-original-offset", bytes(String.valueOf(record.offset())));
        try {
            kafka.send(letter).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not dead-letter record " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), e.getCause());
        }
        metrics.counter("casebook.dead.letters", "topic", deadLetterTopic, "reason", reason).increment();
        log.warn("record {}-{}@{} dead-lettered to {}: {}", record.topic(), record.partition(), record.offset(),
                deadLetterTopic, reason);
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }
}
