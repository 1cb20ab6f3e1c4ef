package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A lead of the case's region, other than the proposer, approves the proposed decision (four eyes). */
public record ApproveDecision(@TargetAggregateIdentifier CaseId caseId, Actor actor,
                              @TargetAggregateVersion Long expectedVersion) implements ByActor {
}
