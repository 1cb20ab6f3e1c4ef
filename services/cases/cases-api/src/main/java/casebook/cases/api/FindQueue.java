package casebook.cases.api;

import java.util.Set;

/**
 * A region's work queue: the open work (queued, in review, waiting for approval, appealed: an appeal to review)
 * inside the caller's regions, most at risk of breaching its SLA first (due time - an appealed case's is its appeal's
 * review deadline - then priority); answers a {@link CasePage} whose status counts are the backlog by status.
 */
public record FindQueue(RegionScope scope, int page, int size) {
    public static final Set<CaseStatus> OPEN_WORK = Set.of(CaseStatus.OPEN, CaseStatus.IN_REVIEW,
            CaseStatus.DECISION_PROPOSED, CaseStatus.APPEALED);

    /** The queue as search criteria (all other criteria empty). */
    public CaseSearchCriteria criteria() {
        return new CaseSearchCriteria(null, null, null, OPEN_WORK, null, null, null, null, null, null, null, null,
                page, size);
    }
}
