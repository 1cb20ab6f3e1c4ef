package casebook.cases.api.regulatory;

import casebook.cases.api.Actor;
import casebook.cases.api.ByActor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Legal rejects a request, with the reason (told to the authority). {@code expectedVersion} null skips the version check. */
public record RejectRegulatoryRequest(@TargetAggregateIdentifier RegulatoryRequestId requestId, String reason, Actor actor,
        @TargetAggregateVersion Long expectedVersion) implements ByActor {
    public static final int MAX_TEXT_LENGTH = 4_000;
}
