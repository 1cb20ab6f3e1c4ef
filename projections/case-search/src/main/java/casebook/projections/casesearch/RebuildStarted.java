package casebook.projections.casesearch;

import java.time.Instant;

/** A rebuild was accepted: it fills {@code targetIndex}, which takes over the alias when the rebuild is done. */
public record RebuildStarted(String projection, String targetIndex, Instant startedAt) {
}
