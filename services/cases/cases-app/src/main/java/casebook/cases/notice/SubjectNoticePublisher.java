package casebook.cases.notice;

import casebook.cases.api.AppealDecided;
import casebook.cases.api.CaseOpened;
import casebook.cases.domain.RiskCase;
import casebook.cases.infrastructure.kafka.Publications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Tells the subject how their appeal was decided ({@code casebook.subject-notices.v1}): outcome, the ruling on each
 * action and the reviewer's reasons. Runs like every publisher (ADR 9): its own processor over the event store, the
 * token advances only after Kafka acknowledged; a notice that can never be published is parked. The subject comes
 * from the case's opening (the case's subject never changes).
 */
@Component
@ProcessingGroup(SubjectNoticePublisher.PROCESSING_GROUP)
class SubjectNoticePublisher {
    static final String PROCESSING_GROUP = "subject-notice-publisher";

    private final EventStore events;
    private final Publications publications;
    private final SubjectNotices notices;

    SubjectNoticePublisher(EventStore events, Publications publications, SubjectNotices notices) {
        this.events = events;
        this.publications = publications;
        this.notices = notices;
    }

    @EventHandler
    void on(AppealDecided decided, DomainEventMessage<?> message) {
        CaseOpened opened = (CaseOpened) events.readEvents(message.getAggregateIdentifier()).asStream()
                .map(DomainEventMessage::getPayload).filter(CaseOpened.class::isInstance).findFirst()
                .orElseThrow(() -> new IllegalStateException("case " + decided.caseId() + " has no CaseOpened"));
        publications.publish(PROCESSING_GROUP, message, List.of(notices.outcome(decided, opened.subject(),
                String.valueOf(message.getMetaData().get(RiskCase.REGION)), message.getTimestamp())));
    }
}
