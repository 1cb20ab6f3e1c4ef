package casebook.cases.notice;

import casebook.cases.api.AppealDecided;
import casebook.cases.api.StatementOfReasonsIssued;
import casebook.cases.api.SubjectRef;
import casebook.cases.infrastructure.kafka.Publications;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The records for {@code casebook.subject-notices.v1}, keyed by the subject's id (one subject's notices stay in
 * order, as its enforcement orders do). The statement of reasons is published by the enforcement publisher in the
 * same publication as the decision's orders (docs/adr/0022); appeal outcomes by {@link SubjectNoticePublisher}.
 */
@Component
public class SubjectNotices {
    private final SubjectNoticeTopics topics;

    SubjectNotices(SubjectNoticeTopics topics) {
        this.topics = topics;
    }

    public Publications.Publication statement(StatementOfReasonsIssued issued, String region, Instant at) {
        return new Publications.Publication(topics.topic(), issued.subject().id(), SubjectNotice.of(issued, region, at));
    }

    Publications.Publication outcome(AppealDecided decided, SubjectRef subject, String region, Instant at) {
        return new Publications.Publication(topics.topic(), subject.id(), SubjectNotice.of(decided, subject, region, at));
    }
}
