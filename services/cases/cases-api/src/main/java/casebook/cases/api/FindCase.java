package casebook.cases.api;

/**
 * One case, if it exists inside the caller's regions; answers a {@link CaseView} or nothing. With {@code atLeast}
 * 0 or more the view is at that version or later whenever the case has reached it (0: the case exists, even if the
 * read model has not seen it yet): events the search read model has not applied yet are read from the event store and
 * folded as the projection folds them (docs/adr/0025). A case that has not reached {@code atLeast} at all is answered
 * as it is; the caller decides what that means. {@link #ANY_VERSION}: as the read model holds it.
 */
public record FindCase(CaseId caseId, RegionScope scope, long atLeast) {
    /** No version asked for: the case as the read model holds it. */
    public static final long ANY_VERSION = -1;

    public FindCase {
        if (atLeast < ANY_VERSION) {
            throw new IllegalArgumentException("atLeast must be a version (0 or more) or ANY_VERSION, was " + atLeast);
        }
    }

    /** The case as the read model holds it, without a version to reach. */
    public FindCase(CaseId caseId, RegionScope scope) {
        this(caseId, scope, ANY_VERSION);
    }
}
