package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds an investigation note to a case. */
public record AddNote(@TargetAggregateIdentifier CaseId caseId, NoteId noteId, String text, Actor actor,
                      @TargetAggregateVersion Long expectedVersion) implements ByActor {
    public static final int MAX_TEXT_LENGTH = 10_000;
    /** At most this many notes per case. */
    public static final int MAX_PER_CASE = 1_000;
}
