package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An enforcement system reports the outcome of one action (from {@code casebook.enforcement-results.v1}). It echoes
 * the order's {@code attempt} and {@code region}: a result counts only for the attempt the case ordered last, in the
 * case's region.
 */
public record RecordEnforcementResult(@TargetAggregateIdentifier CaseId caseId, ActionId actionId, int attempt,
                                      Region region, EnforcementOutcome outcome, String reason, String reportedBy) {
    public static final int MAX_REASON_LENGTH = 1_000;
}
