package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A lead of the case's region takes an escalated case back to the regular queue, with a reason. */
public record DeescalateCase(@TargetAggregateIdentifier CaseId caseId, String reason, Actor actor,
                             @TargetAggregateVersion Long expectedVersion) implements ByActor {
}
