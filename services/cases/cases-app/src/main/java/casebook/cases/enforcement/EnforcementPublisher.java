package casebook.cases.enforcement;

import casebook.cases.api.CaseDecided;
import casebook.cases.api.EnforcementRetried;
import casebook.cases.api.Verdict;
import casebook.cases.domain.RiskCase;
import casebook.cases.infrastructure.kafka.Publications;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes each action of a decided violation, and each retried action, to {@code casebook.enforcement.v1}. The event store is the outbox
 * (ADR 9): this handler runs in its own streaming processor, whose position (token) advances only after Kafka has
 * acknowledged every action of the event. A crash after the decision's commit and before publishing publishes it
 * after the restart; a crash after publishing and before the token is stored publishes it again, with the same
 * action ids, which consumers de-duplicate by. Kafka unreachable: the processor retries, nothing is skipped.
 */
@Component
@ProcessingGroup(EnforcementPublisher.PROCESSING_GROUP)
class EnforcementPublisher {
    static final String PROCESSING_GROUP = "enforcement-publisher";
    static final String ACTION_ID = "casebook-action-id";

    private final Publications publications;
    private final EnforcementTopics topics;
    private final ObjectMapper json;

    EnforcementPublisher(Publications publications, EnforcementTopics topics, ObjectMapper json) {
        this.publications = publications;
        this.topics = topics;
        this.json = json;
    }

    @EventHandler
    void on(CaseDecided decided, DomainEventMessage<?> message) throws Exception {
        if (decided.verdict() != Verdict.VIOLATION) {
            return;
        }
        String region = region(message);
        publish(decided.subject().id(), decided.actions().stream()
                .map(action -> EnforcementOrder.of(decided, action, region, message.getTimestamp())).toList());
    }

    @EventHandler
    void on(EnforcementRetried retried, DomainEventMessage<?> message) throws Exception {
        publish(retried.subject().id(), List.of(EnforcementOrder.of(retried, region(message), message.getTimestamp())));
    }

    /** Sends the orders, keyed by subject (one subject's orders stay in order), and waits for Kafka's acks. */
    private void publish(String subjectId, List<EnforcementOrder> orders) throws Exception {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (EnforcementOrder order : orders) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.topic(), subjectId,
                    json.writeValueAsBytes(order));
            record.headers().add(ACTION_ID, order.actionId().getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        publications.publish(records);
    }

    private static String region(DomainEventMessage<?> message) {
        return String.valueOf(message.getMetaData().get(RiskCase.REGION));
    }
}
