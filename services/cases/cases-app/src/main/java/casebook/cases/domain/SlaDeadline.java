package casebook.cases.domain;

import casebook.cases.api.SlaStage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;

/**
 * The payload of a case's SLA deadline: which stage and the due time it was scheduled for. Deadlines are never
 * cancelled: when one fires the case checks whether the stage is still unmet and the due time still its current
 * one (a raised priority schedules an earlier deadline, and the later one then changes nothing). See docs/adr/0010.
 */
record SlaDeadline(SlaStage stage, Instant dueAt) {
    static final String NAME = "sla";
    /** Who acts when a deadline passes: the events of a breach carry this actor (invariant 9). */
    static final String ACTOR = "casebook-sla";

    void schedule(DeadlineManager deadlines) {
        deadlines.schedule(dueAt, NAME, new GenericMessage<>(this, MetaData.with(RiskCase.ACTOR, ACTOR)
                .and(RiskCase.REASON, "SLA " + stage + " due " + dueAt)));
    }
}
