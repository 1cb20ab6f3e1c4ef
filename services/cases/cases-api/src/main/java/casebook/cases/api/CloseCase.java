package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Closes a case with a resolution code and an optional note. */
public record CloseCase(@TargetAggregateIdentifier CaseId caseId, ResolutionCode resolution, String note, Actor actor,
                        @TargetAggregateVersion Long expectedVersion) implements ByActor {
    public static final int MAX_NOTE_LENGTH = 2_000;
}
