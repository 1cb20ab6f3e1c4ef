package casebook.cases.domain;

import casebook.cases.api.CaseId;
import casebook.cases.api.Region;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.SubjectRef;

/**
 * Invariant 2's guard as the case sees it: the one slot per (region, subject, category) that says which case is
 * the subject's current one and whether it is closed (docs/adr/0003, 0011). Written in the transaction of the
 * case's events.
 */
public interface OpenCases {

    /** The case closed: its slot stays its own until a newer flag outside the reopen window takes it. */
    void closed(CaseId caseId);

    /**
     * The closed case opens again.
     *
     * @throws CaseRuleBroken when a newer case of the same subject and category is the current one
     */
    void reopened(CaseId caseId, SubjectRef subject, RiskCategory category, Region region);

    /** The duplicate's slots now name the case it was merged into. */
    void merged(CaseId duplicate, CaseId survivor);
}
