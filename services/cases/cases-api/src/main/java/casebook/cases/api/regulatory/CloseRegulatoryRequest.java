package casebook.cases.api.regulatory;

import casebook.cases.api.Actor;
import casebook.cases.api.ByActor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Legal closes an accepted request once it is fulfilled; its holds can then be released. {@code expectedVersion} null skips the version check. */
public record CloseRegulatoryRequest(@TargetAggregateIdentifier RegulatoryRequestId requestId, String note, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements ByActor {
    public static final int MAX_TEXT_LENGTH = 4_000;
}
