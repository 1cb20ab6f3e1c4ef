package casebook.cases.regulatory;

import casebook.cases.domain.RiskCase;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;

/**
 * The payload of a request's due-date deadlines, on the persistent deadline manager (docs/adr/0010): a reminder some
 * time before the due date and the escalation at it. Never cancelled: when one fires the request checks that it is not
 * over and that the due date is still the one the deadline was scheduled for.
 */
record DueDate(Stage stage, Instant dueAt) {
    static final String NAME = "regulatory-due-date";
    /** Who acts when a due date comes: the events it causes carry this actor (invariant 9). */
    static final String ACTOR = "casebook-deadlines";

    enum Stage { REMINDER, OVERDUE }

    void schedule(Instant at, DeadlineManager deadlines) {
        deadlines.schedule(at, NAME, new GenericMessage<>(this, MetaData.with(RiskCase.ACTOR, ACTOR)
                .and(RiskCase.REASON, "regulatory request " + (stage == Stage.REMINDER ? "due soon: " : "overdue: ")
                        + dueAt)));
    }
}
