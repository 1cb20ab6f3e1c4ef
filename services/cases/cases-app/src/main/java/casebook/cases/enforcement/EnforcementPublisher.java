package casebook.cases.enforcement;

import casebook.cases.api.CaseDecided;
import casebook.cases.api.EnforcementRetried;
import casebook.cases.api.Verdict;
import casebook.cases.domain.RiskCase;
import casebook.cases.infrastructure.kafka.Publications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Publishes each action of a decided violation, and each retried action, to {@code casebook.enforcement.v1}. The event store is the outbox
 * (ADR 9): this handler runs in its own streaming processor, whose position (token) advances only after Kafka has
 * acknowledged every action of the event. A crash after the decision's commit and before publishing publishes it
 * after the restart; a crash after publishing and before the token is stored publishes it again, with the same
 * action ids, which consumers de-duplicate by. Kafka unreachable: the processor retries, nothing is skipped. An order
 * that can never be published (e.g. too large) is parked by {@link Publications} and the next ones go out.
 */
@Component
@ProcessingGroup(EnforcementPublisher.PROCESSING_GROUP)
class EnforcementPublisher {
    static final String PROCESSING_GROUP = "enforcement-publisher";
    static final String ACTION_ID = "casebook-action-id";

    private final Publications publications;
    private final EnforcementTopics topics;

    EnforcementPublisher(Publications publications, EnforcementTopics topics) {
        this.publications = publications;
        this.topics = topics;
    }

    @EventHandler
    void on(CaseDecided decided, DomainEventMessage<?> message) {
        if (decided.verdict() != Verdict.VIOLATION) {
            return;
        }
        String region = region(message);
        publish(message, decided.subject().id(), decided.actions().stream()
                .map(action -> EnforcementOrder.of(decided, action, region, message.getTimestamp())).toList());
    }

    @EventHandler
    void on(EnforcementRetried retried, DomainEventMessage<?> message) {
        publish(message, retried.subject().id(), List.of(EnforcementOrder.of(retried, region(message), message.getTimestamp())));
    }

    /** Sends the orders, keyed by subject (one subject's orders stay in order), and waits for Kafka's acks. */
    private void publish(DomainEventMessage<?> event, String subjectId, List<EnforcementOrder> orders) {
        publications.publish(PROCESSING_GROUP, event, orders.stream()
                .map(order -> new Publications.Publication(topics.topic(), subjectId, order,
                        Map.of(ACTION_ID, order.actionId())))
                .toList());
    }

    private static String region(DomainEventMessage<?> message) {
        return String.valueOf(message.getMetaData().get(RiskCase.REGION));
    }
}
