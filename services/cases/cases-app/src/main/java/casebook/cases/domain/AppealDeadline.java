package casebook.cases.domain;

import casebook.cases.api.AppealId;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;

/**
 * The payload of an appeal's review deadline: if the appeal is still open at {@code dueAt}, the breach is recorded
 * and the case goes to the region's lead. Never cancelled, like {@link SlaDeadline}.
 */
record AppealDeadline(AppealId appealId, Instant dueAt) {
    static final String NAME = "appeal-review";

    void schedule(DeadlineManager deadlines) {
        deadlines.schedule(dueAt, NAME, new GenericMessage<>(this, MetaData.with(RiskCase.ACTOR, SlaDeadline.ACTOR)
                .and(RiskCase.REASON, "appeal " + appealId + " review due " + dueAt)));
    }
}
