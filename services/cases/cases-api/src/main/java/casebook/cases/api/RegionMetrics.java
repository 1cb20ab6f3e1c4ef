package casebook.cases.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A region's figures from the case read model: {@code cases} in the period, the open {@code backlog} by status,
 * cases that missed each SLA stage and open cases with any breach, how long cases took to be taken and decided,
 * and, per detection source, how its flagged cases were decided.
 */
public record RegionMetrics(Region region, long cases, Map<CaseStatus, Long> backlog,
                            Map<SlaStage, Long> slaBreaches, long openBreached, Durations timeToFirstAssignment,
                            Durations timeToDecision, List<SourceOutcomes> sources) {

    /** Median and 90th percentile over {@code cases} (null when there are none). */
    public record Durations(long cases, Duration median, Duration p90) {
    }

    /**
     * The cases a rule or model flagged: how many, how many were decided, confirmed as violations, and dismissed as
     * false positives.
     */
    public record SourceOutcomes(FlagSource source, long cases, long decided, long confirmed, long falsePositives) {
    }
}
