package casebook.cases.api;

/** How a closed case ended (docs/triage.md, Closing and reopening). */
public enum ResolutionCode {
    /** A decided violation whose every standing action was applied (and every reversal, after a partial overturn). */
    ENFORCED,
    /** Dismissed: no violation, or not enough evidence for one. */
    NO_VIOLATION,
    /** Nothing left to act on (the subject left the platform or was closed elsewhere); a lead closes it undecided. */
    SUBJECT_GONE,
    /** Every action of the decision was overturned on appeal and every reversal was applied. */
    OVERTURNED,
    /** Merged into another case about the same subject (set by merging only). */
    DUPLICATE
}
