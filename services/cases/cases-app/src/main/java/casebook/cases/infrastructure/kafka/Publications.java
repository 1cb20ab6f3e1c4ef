package casebook.cases.infrastructure.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way Casebook publishes what happened to a case: send the records and return only when Kafka has
 * acknowledged every one of them ({@code acks=all}, idempotent producer), so that an event handler calling this
 * lets its processor's token advance only past published events (ADR 9). Any failure is thrown, to be retried.
 */
@Component
public class Publications {
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, byte[]> kafka;

    Publications(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public void publish(List<ProducerRecord<String, byte[]>> records) {
        List<CompletableFuture<SendResult<String, byte[]>>> sent = new ArrayList<>();
        records.forEach(record -> sent.add(kafka.send(record)));
        try {
            for (CompletableFuture<SendResult<String, byte[]>> ack : sent) {
                ack.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + records.size() + " records to "
                    + records.get(0).topic(), e);
        }
    }
}
