package casebook.cases.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A region's figures from the case read model: {@code cases} in the period, the open {@code backlog} by status,
 * cases that missed each SLA stage and open cases with any breach, how long cases took to be taken and decided,
 * per detection source how its flagged cases were decided, and how often decided violations were appealed and
 * appeals overturned them: in the region ({@code appeals}), per policy cited ({@code policies}) and per source.
 */
public record RegionMetrics(Region region, long cases, Map<CaseStatus, Long> backlog,
                            Map<SlaStage, Long> slaBreaches, long openBreached, Durations timeToFirstAssignment,
                            Durations timeToDecision, List<SourceOutcomes> sources, Appeals appeals,
                            List<PolicyAppeals> policies) {

    /** Median and 90th percentile over {@code cases} (null when there are none). */
    public record Durations(long cases, Duration median, Duration p90) {
    }

    /**
     * The cases a rule or model flagged: how many, how many were decided, confirmed as violations, and dismissed as
     * false positives; and the appeals of its confirmed violations.
     */
    public record SourceOutcomes(FlagSource source, long cases, long decided, long confirmed, long falsePositives,
                                 Appeals appeals) {
    }

    /**
     * Decided violations (each case's current decision), how many of them were appealed, how many appeals were
     * decided and how many of those overturned the decision wholly or in part.
     */
    public record Appeals(long decidedViolations, long appealed, long appealsDecided, long overturned) {
        public static final Appeals NONE = new Appeals(0, 0, 0, 0);

        /** appealed / decidedViolations; null before any decided violation. */
        public Double appealRate() {
            return decidedViolations == 0 ? null : (double) appealed / decidedViolations;
        }

        /** overturned / appealsDecided; null before any decided appeal. */
        public Double overturnRate() {
            return appealsDecided == 0 ? null : (double) overturned / appealsDecided;
        }
    }

    /** The appeals of the decided violations that cite one policy reference. */
    public record PolicyAppeals(String policyRef, Appeals appeals) {
    }
}
