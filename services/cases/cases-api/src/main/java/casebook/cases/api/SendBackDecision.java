package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A lead of the case's region, other than the proposer, returns the proposal to the assignee with comments. */
public record SendBackDecision(@TargetAggregateIdentifier CaseId caseId, String comments, Actor actor,
                               @TargetAggregateVersion Long expectedVersion) implements ByActor {
    public static final int MAX_COMMENTS_LENGTH = 2_000;
}
