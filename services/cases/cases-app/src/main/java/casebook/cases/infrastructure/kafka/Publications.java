package casebook.cases.infrastructure.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way Casebook publishes what happened to a case: send the records and return only when Kafka has
 * acknowledged every one of them ({@code acks=all}, idempotent producer), so that an event handler calling this
 * lets its processor's token advance only past published events (ADR 9).
 * <p>
 * A record that can never be published - its value cannot be serialised, it is larger than
 * {@code casebook.publications.max-record-bytes} (checked here, before the producer), or Kafka refuses it as too
 * large or invalid - is parked ({@link ParkedPublications}) and the others are sent: it must not stop the events
 * behind it. Any other failure (broker unreachable, timeout) is thrown, to be retried without skipping (docs/adr/0012).
 */
@Component
public class Publications {
    private static final long ACK_TIMEOUT_SECONDS = 30;

    /** One record to publish: its value is serialised as JSON here; header values are UTF-8. */
    public record Publication(String topic, String key, Object value, Map<String, String> headers) {
        public Publication(String topic, String key, Object value) {
            this(topic, key, value, Map.of());
        }
    }

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final ParkedPublications parked;
    private final int maxRecordBytes;

    Publications(KafkaTemplate<String, byte[]> kafka, ObjectMapper json, ParkedPublications parked,
                 @Value("${casebook.publications.max-record-bytes:1000000}") int maxRecordBytes) {
        this.kafka = kafka;
        this.json = json;
        this.parked = parked;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Publishes the records made of one event by the processor; returns once each is acknowledged or parked. */
    public void publish(String processor, EventMessage<?> event, List<Publication> publications) {
        List<CompletableFuture<SendResult<String, byte[]>>> sent = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < publications.size(); i++) {
            Publication publication = publications.get(i);
            byte[] value;
            try {
                value = json.writeValueAsBytes(publication.value());
            } catch (Exception unserialisable) {
                park(processor, event, publication, i, "unserialisable", Failures.describe(unserialisable), null);
                continue;
            }
            if (value.length > maxRecordBytes) {
                park(processor, event, publication, i, "too-large",
                        value.length + " bytes, more than the " + maxRecordBytes + " a record may have", value);
                continue;
            }
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(publication.topic(), publication.key(), value);
            publication.headers().forEach((name, header) -> record.headers().add(name,
                    header.getBytes(StandardCharsets.UTF_8)));
            try {
                sent.add(kafka.send(record));
            } catch (RuntimeException refused) {
                sent.add(CompletableFuture.failedFuture(refused));
            }
            indexes.add(i);
            values.add(value);
        }
        for (int s = 0; s < sent.size(); s++) {
            Publication publication = publications.get(indexes.get(s));
            try {
                sent.get(s).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                String reason = neverPublishable(cause);
                if (reason == null) {
                    throw new PublicationNotAcknowledged("Kafka did not acknowledge record " + indexes.get(s)
                            + " of event " + event.getIdentifier() + " to " + publication.topic(), cause);
                }
                park(processor, event, publication, indexes.get(s), reason, Failures.describe(cause), values.get(s));
            }
        }
    }

    /** Why Kafka will never take this record, or null when trying again may succeed. */
    private static String neverPublishable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException) return "too-large";
            if (t instanceof SerializationException) return "unserialisable";
            if (t instanceof InvalidRecordException) return "invalid-record";
            if (t.getCause() == t) break;
        }
        return null;
    }

    private void park(String processor, EventMessage<?> event, Publication publication, int index, String reason,
                      String detail, byte[] value) {
        parked.park(new ParkedPublications.Parked(processor, publication.topic(), publication.key(), index, event,
                reason, detail, value));
    }
}
