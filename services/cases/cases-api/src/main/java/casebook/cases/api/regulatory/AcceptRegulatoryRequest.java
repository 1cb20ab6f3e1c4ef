package casebook.cases.api.regulatory;

import casebook.cases.api.Actor;
import casebook.cases.api.ByActor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Legal accepts a request: its scope is then to be preserved and fulfilled. {@code expectedVersion} null skips the version check. */
public record AcceptRegulatoryRequest(@TargetAggregateIdentifier RegulatoryRequestId requestId, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements ByActor {
}
