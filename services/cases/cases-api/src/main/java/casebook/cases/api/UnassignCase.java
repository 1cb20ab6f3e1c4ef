package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Puts an assigned case back in the region's queue. */
public record UnassignCase(@TargetAggregateIdentifier CaseId caseId, Actor actor,
                           @TargetAggregateVersion Long expectedVersion) implements ByActor {
}
