package casebook.cases.infrastructure.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records a publisher can never publish, set aside for good in {@code parked_publications} (docs/adr/0012): the
 * topic, key, the event they came from (id, case, sequence), the reason and - for an operator who fixes the cause
 * and publishes it by hand - the value. Parking one record lets the publisher's processor move on instead of retrying
 * it forever in front of every event behind it. Each parking is logged at ERROR (topic, key, event, reason; never the
 * value) and counted ({@code casebook.publications.parked} by topic and reason); {@code casebook.publications.parked.stored}
 * is the number of parked records in the table.
 */
@Component
public class ParkedPublications {
    private static final Logger log = LoggerFactory.getLogger(ParkedPublications.class);

    private final JdbcClient jdbc;
    private final MeterRegistry metrics;

    ParkedPublications(JdbcClient jdbc, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        Gauge.builder("casebook.publications.parked.stored", this::stored)
                .description("records publishers could never publish, kept in parked_publications").register(metrics);
    }

    /** One record that can never be published. Idempotent: the same record of the same event is parked once. */
    public record Parked(String processor, String topic, String key, int index, EventMessage<?> event, String reason,
                         String detail, byte[] value) {
    }

    public void park(Parked parked) {
        EventMessage<?> event = parked.event();
        String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        jdbc.sql("""
                        INSERT INTO parked_publications (processor, topic, record_key, record_index, event_id, aggregate_id,
                            sequence_number, reason, detail, value_bytes, value)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, topic, record_index) DO NOTHING""")
                .params(parked.processor(), parked.topic(), parked.key(), parked.index(), event.getIdentifier(), aggregate,
                        sequence, parked.reason(), abbreviate(parked.detail()),
                        parked.value() == null ? null : (long) parked.value().length, parked.value())
                .update();
        metrics.counter("casebook.publications.parked", "topic", parked.topic(), "reason", parked.reason()).increment();
        log.error("record {}#{} of event {} (case {}, sequence {}) for {} can never be published and is parked: {}",
                parked.key(), parked.index(), event.getIdentifier(), aggregate, sequence, parked.topic(), parked.reason());
    }

    private double stored() {
        try {
            return jdbc.sql("SELECT count(*) FROM parked_publications").query(Long.class).single();
        } catch (RuntimeException databaseDown) {
            return Double.NaN;
        }
    }

    private static String abbreviate(String detail) {
        if (detail == null) return null;
        return detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
    }
}
