package casebook.cases.domain;

import casebook.cases.api.Priority;
import casebook.cases.api.Region;
import casebook.cases.api.SlaStage;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A case's SLA timing, as a value: when it opened, by when it must be assigned and decided, where the decision
 * clock started (the opening or the latest reopening), whether it was ever assigned and which stages were missed.
 * Pure: the case asks it what a new priority or a reopening means and schedules the deadlines itself.
 */
record SlaClock(Instant openedAt, Instant assignBy, Instant decideBy, Instant decisionClockFrom, boolean everAssigned,
                Set<SlaStage> breached) {

    SlaClock {
        breached = breached == null || breached.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(breached));
    }

    static SlaClock opened(Instant at, Instant assignBy, Instant decideBy) {
        return new SlaClock(at, assignBy, decideBy, at, false, Set.of());
    }

    Instant dueAt(SlaStage stage) {
        return stage == SlaStage.FIRST_ASSIGNMENT ? assignBy : decideBy;
    }

    boolean wasBreached(SlaStage stage) {
        return breached.contains(stage);
    }

    /**
     * The decision's deadline is scheduled once the first one is behind the case (met or missed); until then only
     * the first assignment's deadline is scheduled, which keeps one deadline per new case on the intake path.
     */
    boolean decisionClockRunning() {
        return everAssigned || breached.contains(SlaStage.FIRST_ASSIGNMENT);
    }

    /** The deadlines a more urgent priority sets: its targets from the clock's starts, never later than today's. */
    SlaClock tightenedFor(Priority priority, Region region, SlaPolicy sla) {
        return withDeadlines(earlier(assignBy, openedAt.plus(sla.target(SlaStage.FIRST_ASSIGNMENT, region, priority))),
                earlier(decideBy, decisionClockFrom.plus(sla.target(SlaStage.DECISION, region, priority))));
    }

    /** New due times; a missing decision due time (events of revision 1) keeps the current one. */
    SlaClock withDeadlines(Instant newAssignBy, Instant newDecideBy) {
        return new SlaClock(openedAt, newAssignBy, newDecideBy == null ? decideBy : newDecideBy, decisionClockFrom,
                everAssigned, breached);
    }

    SlaClock withBreach(SlaStage stage) {
        EnumSet<SlaStage> stages = EnumSet.of(stage);
        stages.addAll(breached);
        return new SlaClock(openedAt, assignBy, decideBy, decisionClockFrom, everAssigned, stages);
    }

    SlaClock assigned() {
        return new SlaClock(openedAt, assignBy, decideBy, decisionClockFrom, true, breached);
    }

    /** Reopened: the decision clock starts again from {@code at}, and its stage is unmet and unbreached again. */
    SlaClock reopened(Instant at, Instant newDecideBy) {
        Set<SlaStage> stages = breached.contains(SlaStage.FIRST_ASSIGNMENT) ? Set.of(SlaStage.FIRST_ASSIGNMENT) : Set.of();
        return new SlaClock(openedAt, assignBy, newDecideBy, at, everAssigned, stages);
    }

    private static Instant earlier(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
