package casebook.cases.infrastructure.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.Map;

/**
 * How every Kafka listener of the service fails (docs/adr/0012), with Spring Kafka's {@link DefaultErrorHandler}.
 * A batch listener names the first record it could not finish with a {@code BatchListenerFailedException}: the
 * offsets of the records before it are committed (their effects are durable: invariant 11), then
 * <ul>
 *   <li>a {@link RecordRefused} (input) is not retryable: the record goes to its dead-letter topic at once
 *       ({@link DeadLetters}), its offset is committed and the records after it are delivered again;</li>
 *   <li>anything else (infrastructure: {@link Failures#isInfrastructure}) is retried from that record with an
 *       exponential back-off (0.5 s doubling up to 30 s) and without limit: never skipped, never lost. Every failed
 *       attempt is logged at ERROR with the record's coordinates, and the stall shows on the health indicator
 *       ({@link ConsumerProgress}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {
    private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandling.class);

    @Bean
    CommonErrorHandler deadLetterOrRetry(DeadLetters deadLetters) {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.setClassifications(Map.of(RecordRefused.class, false), true);
        handler.setCommitRecovered(true);
        // Spring Kafka rethrows "Seek to current after exception" after each dead letter and each failed attempt, and
        // the container logs it with a full stack trace: both are already logged once, at ERROR, with the record's
        // coordinates (DeadLetters and the retry listener below), so the rethrow is logged at DEBUG only.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
                if (refused(failure)) return;
                log.error("record {}-{}@{} ({}) could not be handled (attempt {}), retrying: {}", record.topic(),
                        record.partition(), record.offset(), label(failure), attempt, Failures.describe(failure));
            }
        });
        return handler;
    }

    /** What the listener named the record ({@code flag <id>}: the failed batch's message). */
    private static String label(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.kafka.listener.BatchListenerFailedException named) {
                return named.getMessage();
            }
            if (t.getCause() == t) break;
        }
        return "-";
    }

    private static boolean refused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordRefused) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
