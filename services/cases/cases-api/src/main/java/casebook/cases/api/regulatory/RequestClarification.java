package casebook.cases.api.regulatory;

import casebook.cases.api.Actor;
import casebook.cases.api.ByActor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Legal asks the authority to clarify a received request. {@code expectedVersion} null skips the version check. */
public record RequestClarification(@TargetAggregateIdentifier RegulatoryRequestId requestId, String question, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements ByActor {
    public static final int MAX_TEXT_LENGTH = 4_000;
}
