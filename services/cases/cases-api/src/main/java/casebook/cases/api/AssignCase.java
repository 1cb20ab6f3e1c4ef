package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Assigns (or reassigns) a case. {@code expectedVersion} is the version the caller saw; null skips the check. */
public record AssignCase(@TargetAggregateIdentifier CaseId caseId, String assignee, Actor actor,
                         @TargetAggregateVersion Long expectedVersion) implements ByActor {
}
