package casebook.cases.api;

import casebook.cases.api.regulatory.RegulatoryRequestId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Legal releases the hold that a regulatory request placed on the case (invariant 8). */
public record ReleaseLegalHold(@TargetAggregateIdentifier CaseId caseId, RegulatoryRequestId requestId, Actor actor)
        implements ByActor {
}
