package casebook.cases.feedback;

import casebook.cases.api.AppealDecided;
import casebook.cases.api.AppealOutcome;
import casebook.cases.api.CaseDecided;
import casebook.cases.api.CaseOpened;
import casebook.cases.api.Flag;
import casebook.cases.api.DuplicateAbsorbed;
import casebook.cases.api.FlagAttached;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.Verdict;
import casebook.cases.domain.RiskCase;
import casebook.cases.infrastructure.kafka.Publications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Publishes labels to {@code casebook.model-feedback.v1}, so that model owners can retrain: one for every final
 * outcome of a case, with every flag the case held (ids, the rule or model and version that raised it, score); and,
 * when an appeal overturns (wholly or in part) a decided violation, one {@code OVERTURNED_ON_APPEAL} label for each
 * source (rule or model and version) whose flags the decision was about, with that source's flags. Runs like
 * the enforcement publisher (ADR 9): its own processor, the token advances only after Kafka acknowledged. A label
 * lists at most {@link #MAX_LABELLED_FLAGS} flags (the earliest) and counts the others in {@code flagsOmitted}, so
 * that a case with many flags still gives a record Kafka takes; one that still cannot be published is parked.
 */
@Component
@ProcessingGroup(ModelFeedbackPublisher.PROCESSING_GROUP)
class ModelFeedbackPublisher {
    static final String PROCESSING_GROUP = "model-feedback-publisher";
    static final int MAX_LABELLED_FLAGS = 500;
    static final String OVERTURNED_ON_APPEAL = "OVERTURNED_ON_APPEAL";

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
        // the case's history up to the decision: the flags the decision was about
        Flagged flagged = flaggedUntil(message, e -> e.getSequenceNumber() >= message.getSequenceNumber());
        publications.publish(PROCESSING_GROUP, message, List.of(new Publications.Publication(topics.topic(),
                decided.caseId().toString(), label(decided.decisionId().toString(), decided, outcome, flagged.category,
                        flagged.flags, null, null, message))));
    }

    /**
     * An appeal overturned actions of a violation: the detections that led to it were (at least partly) wrong. One
     * label per source of the flags the appealed decision was about (those before its {@code CaseDecided}).
     */
    @EventHandler
    void on(AppealDecided appeal, DomainEventMessage<?> message) {
        if (appeal.outcome() == AppealOutcome.UPHELD) {
            return;
        }
        Flagged flagged = flaggedUntil(message, e -> e.getSequenceNumber() >= message.getSequenceNumber()
                || e.getPayload() instanceof CaseDecided d && d.decisionId().equals(appeal.decisionId()));
        if (flagged.decided == null) {
            throw new IllegalStateException("appeal " + appeal.appealId() + " of case " + appeal.caseId()
                    + " names decision " + appeal.decisionId() + ", which its history does not hold");
        }
        Map<ModelLabel.Source, List<ModelLabel.LabelledFlag>> bySource = new LinkedHashMap<>();
        flagged.flags.forEach(flag -> bySource.computeIfAbsent(flag.source(), s -> new ArrayList<>()).add(flag));
        List<Publications.Publication> labels = new ArrayList<>();
        bySource.forEach((source, flags) -> labels.add(new Publications.Publication(topics.topic(),
                appeal.caseId().toString(), label(labelId(appeal, source), flagged.decided, OVERTURNED_ON_APPEAL,
                        flagged.category, flags, source, appeal, message))));
        publications.publish(PROCESSING_GROUP, message, labels);
    }

    /** The same appeal labels the same source with the same id, however often it is published. */
    static String labelId(AppealDecided appeal, ModelLabel.Source source) {
        String name = "overturned-on-appeal/" + appeal.caseId() + "/" + appeal.appealId() + "/" + source.kind() + "/"
                + source.version().length() + ":" + source.version() + "/" + source.id();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private ModelLabel label(String labelId, CaseDecided decided, String outcome, String category,
                             List<ModelLabel.LabelledFlag> flags, ModelLabel.Source source, AppealDecided appeal,
                             DomainEventMessage<?> message) {
        int omitted = Math.max(0, flags.size() - MAX_LABELLED_FLAGS);
        SubjectRef subject = decided.subject();
        return new ModelLabel(labelId, decided.caseId().toString(), decided.decisionId().toString(), outcome, category,
                new ModelLabel.Subject(subject.kind().name(), subject.id()),
                String.valueOf(message.getMetaData().get(RiskCase.REGION)),
                List.copyOf(flags.subList(0, flags.size() - omitted)), omitted == 0 ? null : omitted,
                message.getTimestamp(), source, appeal == null ? null : appeal.appealId().toString(),
                appeal == null ? null : appeal.outcome().name());
    }

    /** What the case's history holds before the first event {@code stop} accepts (and that event, if a decision). */
    private Flagged flaggedUntil(DomainEventMessage<?> message, Predicate<DomainEventMessage<?>> stop) {
        Flagged flagged = new Flagged();
        DomainEventStream history = events.readEvents(message.getAggregateIdentifier());
        while (history.hasNext()) {
            DomainEventMessage<?> event = history.next();
            if (stop.test(event)) {
                if (event.getPayload() instanceof CaseDecided decided) {
                    flagged.decided = decided;
                }
                break;
            }
            if (event.getPayload() instanceof CaseOpened opened) {
                flagged.category = opened.category().name();
            } else if (event.getPayload() instanceof FlagAttached attached) {
                flagged.flags.add(labelled(attached.flag()));
            } else if (event.getPayload() instanceof DuplicateAbsorbed absorbed) {
                absorbed.flags().forEach(flag -> flagged.flags.add(labelled(flag)));
            }
        }
        return flagged;
    }

    private static final class Flagged {
        private String category;
        private final List<ModelLabel.LabelledFlag> flags = new ArrayList<>();
        private CaseDecided decided;
    }

    private static ModelLabel.LabelledFlag labelled(Flag flag) {
        return new ModelLabel.LabelledFlag(flag.flagId().value(), new ModelLabel.Source(flag.source().kind().name(),
                flag.source().id(), flag.source().version()), flag.score(), flag.observedAt());
    }
}
