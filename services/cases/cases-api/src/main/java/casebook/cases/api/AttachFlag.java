package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds one more flag to the open case of its subject and category. Sent by the flag intake only. */
public record AttachFlag(@TargetAggregateIdentifier CaseId caseId, Flag flag) {
}
