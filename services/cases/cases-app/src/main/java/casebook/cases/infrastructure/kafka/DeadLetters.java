package casebook.cases.infrastructure.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a refused record goes (invariant 13): Spring Kafka's {@link DeadLetterPublishingRecoverer} sends the original
 * key, value and headers to the dead-letter topic of its {@link Route} and waits for Kafka's acknowledgement (a
 * failed send fails the recovery, so the record is tried again, never lost). To its own {@code kafka_dlt-*} headers
 * we add the reason in {@code casebook-dlt-reason} / {@code casebook-dlt-detail} and the original topic, partition
 * and offset in {@code casebook-dlt-original-*}; each dead letter is counted ({@code casebook.dead.letters}, by
 * dead-letter topic and reason) and logged at ERROR with the record's coordinates and label, never its content.
 */
@Component
public class DeadLetters implements ConsumerAwareRecordRecoverer {
    public static final String REASON = "casebook-dlt-reason";
    public static final String DETAIL = "casebook-dlt-detail";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** A consumed topic and the dead-letter topic of its refused records. */
    public record Route(String topic, String deadLetterTopic) {
    }

    private final Map<String, String> routes = new HashMap<>();
    private final DeadLetterPublishingRecoverer publisher;
    private final MeterRegistry metrics;

    DeadLetters(KafkaTemplate<String, byte[]> kafka, MeterRegistry metrics, List<Route> routes) {
        routes.forEach(route -> this.routes.put(route.topic(), route.deadLetterTopic()));
        this.metrics = metrics;
        this.publisher = new DeadLetterPublishingRecoverer(kafka, (record, failure) ->
                new TopicPartition(deadLetterTopic(record), -1));
        this.publisher.setHeadersFunction(DeadLetters::headers);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception failure) {
        RecordRefused refused = refusal(record, failure);
        publisher.accept(record, consumer, failure);
        String deadLetterTopic = deadLetterTopic(record);
        metrics.counter("casebook.dead.letters", "topic", deadLetterTopic, "reason", refused.reason()).increment();
        log.error("record {}-{}@{} ({}) dead-lettered to {}: {}", record.topic(), record.partition(), record.offset(),
                refused.label(), deadLetterTopic, refused.reason());
    }

    private String deadLetterTopic(ConsumerRecord<?, ?> record) {
        String topic = routes.get(record.topic());
        if (topic == null) {
            throw new IllegalStateException("no dead-letter topic for " + record.topic());
        }
        return topic;
    }

    private static Headers headers(ConsumerRecord<?, ?> record, Exception failure) {
        RecordRefused refused = refusal(record, failure);
        Headers headers = new RecordHeaders();
        headers.add(REASON, bytes(refused.reason()));
        headers.add(DETAIL, bytes(refused.detail()));
        headers.add("casebook-dlt-original-topic", bytes(record.topic()));
        headers.add("casebook-dlt-original-partition", bytes(String.valueOf(record.partition())));
        headers.add("casebook-dlt-original-offset", bytes(String.valueOf(record.offset())));
        return headers;
    }

    /** The refusal in the failure's causes; any other failure that reached recovery is the record's own. */
    private static RecordRefused refusal(ConsumerRecord<?, ?> record, Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordRefused refused) return refused;
            if (t.getCause() == t) break;
        }
        return RecordRefused.of("record " + record.topic() + "-" + record.partition() + "@" + record.offset(), failure);
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }
}
