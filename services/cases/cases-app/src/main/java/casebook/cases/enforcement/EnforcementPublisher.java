package casebook.cases.enforcement;

import casebook.cases.api.ActionId;
import casebook.cases.api.CaseDecided;
import casebook.cases.api.EnforcementRetried;
import casebook.cases.api.ReversalOrdered;
import casebook.cases.api.StatementOfReasonsIssued;
import casebook.cases.api.Verdict;
import casebook.cases.domain.RiskCase;
import casebook.cases.infrastructure.kafka.Publications;
import casebook.cases.notice.SubjectNotices;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes each action of a decided violation, each reversal of an action overturned on appeal, and each retried
 * action or reversal, to {@code casebook.enforcement.v1}; with a decision's orders, its statement of reasons to the
 * subject ({@code casebook.subject-notices.v1}, docs/adr/0022). The event store is the outbox (ADR 9): this handler
 * runs in its own streaming processor, whose position (token) advances only after Kafka has acknowledged every
 * record of the event. A crash after the decision's commit and before publishing publishes it after the restart; a
 * crash after publishing and before the token is stored publishes it again, with the same action and notice ids,
 * which consumers de-duplicate by. Kafka unreachable: the processor retries, nothing is skipped. A record that can
 * never be published (e.g. too large) is parked by {@link Publications} and the next ones go out.
 */
@Component
@ProcessingGroup(EnforcementPublisher.PROCESSING_GROUP)
class EnforcementPublisher {
    static final String PROCESSING_GROUP = "enforcement-publisher";
    static final String ACTION_ID = "casebook-action-id";

    private final Publications publications;
    private final EnforcementTopics topics;
    private final SubjectNotices notices;
    private final EventStore events;

    EnforcementPublisher(Publications publications, EnforcementTopics topics, SubjectNotices notices,
                         EventStore events) {
        this.publications = publications;
        this.topics = topics;
        this.notices = notices;
        this.events = events;
    }

    /**
     * The orders of a violation and, in the same publication, its statement of reasons: the event right after the
     * decision, stored in the same transaction (decisions taken before statements existed have none).
     */
    @EventHandler
    void on(CaseDecided decided, DomainEventMessage<?> message) {
        if (decided.verdict() != Verdict.VIOLATION) {
            return;
        }
        String region = region(message);
        List<Publications.Publication> records = new ArrayList<>(orders(decided.subject().id(), decided.actions()
                .stream().map(action -> EnforcementOrder.of(decided, action, region, message.getTimestamp())).toList()));
        statementAfter(decided, message)
                .ifPresent(statement -> records.add(notices.statement(statement, region, message.getTimestamp())));
        publications.publish(PROCESSING_GROUP, message, records);
    }

    @EventHandler
    void on(ReversalOrdered reversal, DomainEventMessage<?> message) {
        publications.publish(PROCESSING_GROUP, message, orders(reversal.subject().id(),
                List.of(EnforcementOrder.of(reversal, region(message), message.getTimestamp()))));
    }

    @EventHandler
    void on(EnforcementRetried retried, DomainEventMessage<?> message) {
        ReversalOrdered reversal = retried.reverses() == null ? null
                : reversalOrdered(message, retried.action().actionId());
        publications.publish(PROCESSING_GROUP, message, orders(retried.subject().id(),
                List.of(EnforcementOrder.of(retried, reversal, region(message), message.getTimestamp()))));
    }

    /** The orders as records keyed by subject (one subject's orders stay in order), the action id in a header. */
    private List<Publications.Publication> orders(String subjectId, List<EnforcementOrder> orders) {
        return orders.stream().map(order -> new Publications.Publication(topics.topic(), subjectId, order,
                Map.of(ACTION_ID, order.actionId()))).toList();
    }

    private Optional<StatementOfReasonsIssued> statementAfter(CaseDecided decided,
                                                                         DomainEventMessage<?> message) {
        DomainEventStream next = events.readEvents(message.getAggregateIdentifier(), message.getSequenceNumber() + 1);
        if (next.hasNext() && next.next().getPayload() instanceof StatementOfReasonsIssued statement
                && statement.decisionId().equals(decided.decisionId())) {
            return Optional.of(statement);
        }
        return Optional.empty();
    }

    /** What the first order of a reversal said, from the case's history (a retry carries only the original's). */
    private ReversalOrdered reversalOrdered(DomainEventMessage<?> message, ActionId reversal) {
        return events.readEvents(message.getAggregateIdentifier()).asStream()
                .takeWhile(e -> e.getSequenceNumber() < message.getSequenceNumber())
                .map(DomainEventMessage::getPayload)
                .filter(p -> p instanceof ReversalOrdered r && r.reversal().actionId().equals(reversal))
                .map(ReversalOrdered.class::cast).reduce((first, later) -> later)
                .orElseThrow(() -> new IllegalStateException("no ReversalOrdered for " + reversal + " in case "
                        + message.getAggregateIdentifier()));
    }

    private static String region(DomainEventMessage<?> message) {
        return String.valueOf(message.getMetaData().get(RiskCase.REGION));
    }
}
