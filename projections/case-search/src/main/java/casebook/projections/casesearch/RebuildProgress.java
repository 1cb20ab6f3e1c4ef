package casebook.projections.casesearch;

import java.time.Instant;

/**
 * Where the last rebuild of this instance is. {@code eventsApplied} counts the case events written so far;
 * {@code position} is how far into the event store the replay has read and {@code headPosition} how far it must read
 * in its current phase (the store's head when the phase began), so {@code position / headPosition} is the share done;
 * {@code failure} says why a failed rebuild stopped (the alias then still points at the previous index).
 */
public record RebuildProgress(State state, String targetIndex, Instant startedAt, long eventsApplied,
                              long position, long headPosition, Instant finishedAt, String failure) {

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

    static final RebuildProgress NONE = new RebuildProgress(State.IDLE, null, null, 0, 0, 0, null, null);

    static RebuildProgress starting(Instant at) {
        return new RebuildProgress(State.REPLAYING, null, at, 0, 0, 0, null, null);
    }

    public boolean running() {
        return state == State.REPLAYING || state == State.CATCHING_UP;
    }

    RebuildProgress applied(long events, long reached) {
        return new RebuildProgress(state, targetIndex, startedAt, events, reached, headPosition, finishedAt, failure);
    }

    RebuildProgress towards(long head) {
        return new RebuildProgress(state, targetIndex, startedAt, eventsApplied, position, head, finishedAt, failure);
    }

    RebuildProgress into(String index) {
        return new RebuildProgress(state, index, startedAt, eventsApplied, position, headPosition, finishedAt, failure);
    }

    RebuildProgress in(State next) {
        return new RebuildProgress(next, targetIndex, startedAt, eventsApplied, position, headPosition, finishedAt,
                failure);
    }

    RebuildProgress finished(Instant at, String why) {
        return new RebuildProgress(why == null ? State.SUCCEEDED : State.FAILED, targetIndex, startedAt,
                                   eventsApplied, position, headPosition, at, why);
    }
}
