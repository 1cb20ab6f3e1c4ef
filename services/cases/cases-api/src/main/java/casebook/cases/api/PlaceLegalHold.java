package casebook.cases.api;

import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.api.regulatory.RegulatoryRequestStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Legal places a hold on the case, justified by a regulatory request (invariant 8). {@code requestStatus} is where
 * that request stands as the sender found it (null: no such request); only an accepted request justifies a hold. The
 * same request's hold twice is one hold.
 */
public record PlaceLegalHold(@TargetAggregateIdentifier CaseId caseId, RegulatoryRequestId requestId,
                             RegulatoryRequestStatus requestStatus, Actor actor) implements ByActor {
}
