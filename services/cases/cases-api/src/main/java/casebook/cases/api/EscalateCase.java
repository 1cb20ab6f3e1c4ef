package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An analyst or lead of the case's region raises it to the region's lead, with a reason. */
public record EscalateCase(@TargetAggregateIdentifier CaseId caseId, String reason, Actor actor,
                           @TargetAggregateVersion Long expectedVersion) implements ByActor {
    public static final int MAX_REASON_LENGTH = 500;
}
