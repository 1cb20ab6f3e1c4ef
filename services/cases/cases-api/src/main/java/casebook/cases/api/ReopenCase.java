package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reopens a closed case on new evidence, with a reason. */
public record ReopenCase(@TargetAggregateIdentifier CaseId caseId, String reason, Actor actor,
                         @TargetAggregateVersion Long expectedVersion) implements ByActor {
    public static final int MAX_REASON_LENGTH = 500;
}
