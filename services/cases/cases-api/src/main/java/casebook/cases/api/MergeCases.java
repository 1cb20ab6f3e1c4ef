package casebook.cases.api;

/**
 * Merges a duplicate case about the same subject into the surviving one: the duplicate's flags, evidence and linked
 * entities move, the duplicate closes as {@link ResolutionCode#DUPLICATE} with a pointer. Versions are the ones the
 * caller saw (either may be null).
 */
public record MergeCases(CaseId survivorId, CaseId duplicateId, String reason, Actor actor, Long survivorVersion,
                         Long duplicateVersion) implements ByActor {
    public static final int MAX_REASON_LENGTH = 500;
    /** At most this many flags move in one merge (the duplicate's flags travel in one event). */
    public static final int MAX_FLAGS_MOVED = 1_000;
}
