package casebook.cases.api;

/**
 * One case, if it exists inside the caller's regions; answers a {@link CaseView} or nothing. With {@code atLeast}
 * above 0 the view is at that version or later whenever the case has reached it: events the search read model has
 * not applied yet are read from the event store and folded as the projection folds them (docs/adr/0025). A case
 * that has not reached {@code atLeast} at all is answered as it is; the caller decides what that means.
 */
public record FindCase(CaseId caseId, RegionScope scope, long atLeast) {
    public FindCase {
        if (atLeast < 0) {
            throw new IllegalArgumentException("atLeast must not be negative, was " + atLeast);
        }
    }

    /** The case as the read model holds it, without a version to reach. */
    public FindCase(CaseId caseId, RegionScope scope) {
        this(caseId, scope, 0);
    }
}
