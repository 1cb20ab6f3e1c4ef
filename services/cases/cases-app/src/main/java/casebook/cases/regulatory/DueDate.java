package casebook.cases.regulatory;

import casebook.cases.domain.RiskCase;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.Scope;
import org.axonframework.modelling.command.AggregateScopeDescriptor;

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

    /**
     * Scheduled in the request's own scope, named by its stream id: the scope Axon describes by itself holds the
     * {@link casebook.cases.api.regulatory.RegulatoryRequestId} object, which the persistent deadline manager stores
     * as its JSON value (the id without the stream prefix), so the deadline would come back to a stream that does not
     * exist and be dropped without a word.
     */
    void schedule(Instant at, Object streamId, DeadlineManager deadlines) {
        String type = ((AggregateScopeDescriptor) Scope.describeCurrentScope()).getType();
        deadlines.schedule(at, NAME, new GenericMessage<>(this, MetaData.with(RiskCase.ACTOR, ACTOR)
                        .and(RiskCase.REASON, "regulatory request " + (stage == Stage.REMINDER ? "due soon: " : "overdue: ")
                                + dueAt)),
                new AggregateScopeDescriptor(type, streamId.toString()));
    }
}
