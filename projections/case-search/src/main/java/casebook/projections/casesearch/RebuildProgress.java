package casebook.projections.casesearch;

import java.time.Instant;

/**
 * Where the last rebuild of this instance is. {@code eventsApplied} counts the case events written so far;
 * {@code failure} says why a failed rebuild stopped (the alias then still points at the previous index).
 */
public record RebuildProgress(State state, String targetIndex, Instant startedAt, long eventsApplied,
                              Instant finishedAt, String failure) {

    public enum State {
        /** No rebuild since this instance started. */
        IDLE,
        /** Replaying the event store into the new index, up to its head as of the start. */
        REPLAYING,
        /** Writes to the previous index are blocked; applying what arrived meanwhile, then swapping the alias. */
        CATCHING_UP,
        SUCCEEDED,
        FAILED
    }

    static final RebuildProgress NONE = new RebuildProgress(State.IDLE, null, null, 0, null, null);

    public boolean running() {
        return state == State.REPLAYING || state == State.CATCHING_UP;
    }

    RebuildProgress applied(long events) {
        return new RebuildProgress(state, targetIndex, startedAt, events, finishedAt, failure);
    }

    RebuildProgress into(String index) {
        return new RebuildProgress(state, index, startedAt, eventsApplied, finishedAt, failure);
    }

    RebuildProgress in(State next) {
        return new RebuildProgress(next, targetIndex, startedAt, eventsApplied, finishedAt, failure);
    }

    RebuildProgress finished(Instant at, String why) {
        return new RebuildProgress(why == null ? State.SUCCEEDED : State.FAILED, targetIndex, startedAt,
                                   eventsApplied, at, why);
    }
}
