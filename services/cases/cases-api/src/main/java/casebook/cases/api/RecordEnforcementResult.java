package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An enforcement system reports the outcome of one action (from {@code casebook.enforcement-results.v1}). */
public record RecordEnforcementResult(@TargetAggregateIdentifier CaseId caseId, ActionId actionId,
                                      EnforcementOutcome outcome, String reason, String reportedBy) {
    public static final int MAX_REASON_LENGTH = 1_000;
}
