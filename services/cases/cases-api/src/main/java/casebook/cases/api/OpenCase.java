package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a case with its first flag. Sent by the flag intake only, after it claimed the subject's slot. */
public record OpenCase(@TargetAggregateIdentifier CaseId caseId, Flag flag) {
}
