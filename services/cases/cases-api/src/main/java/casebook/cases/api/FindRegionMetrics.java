package casebook.cases.api;

import java.time.Instant;

/**
 * A lead's figures for one region, over the cases opened in [{@code openedFrom}, {@code openedTo}) (either may be
 * null). Answered with nothing when the region is outside the caller's {@code scope}.
 */
public record FindRegionMetrics(Region region, RegionScope scope, Instant openedFrom, Instant openedTo) {
}
