package casebook.cases.feedback;

import casebook.cases.api.CaseDecided;
import casebook.cases.api.CaseOpened;
import casebook.cases.api.Flag;
import casebook.cases.api.DuplicateAbsorbed;
import casebook.cases.api.FlagAttached;
import casebook.cases.api.Verdict;
import casebook.cases.domain.RiskCase;
import casebook.cases.infrastructure.kafka.Publications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a label to {@code casebook.model-feedback.v1} for every final outcome of a case, with every flag the
 * case held (ids, the rule or model and version that raised it, score), so that model owners can retrain. Runs like
 * the enforcement publisher (ADR 9): its own processor, the token advances only after Kafka acknowledged. A label
 * lists at most {@link #MAX_LABELLED_FLAGS} flags (the earliest) and counts the others in {@code flagsOmitted}, so
 * that a case with many flags still gives a record Kafka takes; one that still cannot be published is parked.
 */
@Component
@ProcessingGroup(ModelFeedbackPublisher.PROCESSING_GROUP)
class ModelFeedbackPublisher {
    static final String PROCESSING_GROUP = "model-feedback-publisher";
    static final int MAX_LABELLED_FLAGS = 500;

    private final EventStore events;
    private final Publications publications;
    private final ModelFeedbackTopics topics;

    ModelFeedbackPublisher(EventStore events, Publications publications, ModelFeedbackTopics topics) {
        this.events = events;
        this.publications = publications;
        this.topics = topics;
    }

    @EventHandler
    void on(CaseDecided decided, DomainEventMessage<?> message) {
        String outcome = decided.verdict() == Verdict.VIOLATION ? "CONFIRMED" : decided.label().name();
        String category = null;
        List<ModelLabel.LabelledFlag> flags = new ArrayList<>();
        // the case's history up to the decision: the flags the decision was about
        for (DomainEventMessage<?> event : events.readEvents(message.getAggregateIdentifier()).asStream()
                .takeWhile(e -> e.getSequenceNumber() < message.getSequenceNumber()).toList()) {
            if (event.getPayload() instanceof CaseOpened opened) {
                category = opened.category().name();
            } else if (event.getPayload() instanceof FlagAttached attached) {
                flags.add(labelled(attached.flag()));
            } else if (event.getPayload() instanceof DuplicateAbsorbed absorbed) {
                absorbed.flags().forEach(flag -> flags.add(labelled(flag)));
            }
        }
        int omitted = Math.max(0, flags.size() - MAX_LABELLED_FLAGS);
        ModelLabel label = new ModelLabel(decided.decisionId().toString(), decided.caseId().toString(),
                decided.decisionId().toString(), outcome, category,
                new ModelLabel.Subject(decided.subject().kind().name(), decided.subject().id()),
                String.valueOf(message.getMetaData().get(RiskCase.REGION)),
                List.copyOf(flags.subList(0, flags.size() - omitted)), omitted == 0 ? null : omitted,
                message.getTimestamp());
        publications.publish(PROCESSING_GROUP, message, List.of(new Publications.Publication(topics.topic(),
                decided.caseId().toString(), label)));
    }

    private static ModelLabel.LabelledFlag labelled(Flag flag) {
        return new ModelLabel.LabelledFlag(flag.flagId().value(), new ModelLabel.Source(flag.source().kind().name(),
                flag.source().id(), flag.source().version()), flag.score(), flag.observedAt());
    }
}
