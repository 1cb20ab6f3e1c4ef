package casebook.cases.api.regulatory;

import casebook.cases.api.Actor;
import casebook.cases.api.ByActor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Legal records the authority's clarification; the request is received again, for review. {@code expectedVersion} null skips the version check. */
public record RecordClarification(@TargetAggregateIdentifier RegulatoryRequestId requestId, String answer, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements ByActor {
    public static final int MAX_TEXT_LENGTH = 4_000;
}
