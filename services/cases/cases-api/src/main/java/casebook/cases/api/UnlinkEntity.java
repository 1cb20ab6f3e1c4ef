package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Removes a linked entity from a case (linked by mistake), with a reason. */
public record UnlinkEntity(@TargetAggregateIdentifier CaseId caseId, EntityKind kind, String value, String reason,
                           Actor actor, @TargetAggregateVersion Long expectedVersion) implements ByActor {
}
