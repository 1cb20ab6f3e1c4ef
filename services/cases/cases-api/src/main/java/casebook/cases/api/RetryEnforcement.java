package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A lead of the case's region orders a failed enforcement action again. */
public record RetryEnforcement(@TargetAggregateIdentifier CaseId caseId, ActionId actionId, Actor actor,
                               @TargetAggregateVersion Long expectedVersion) implements ByActor {
}
