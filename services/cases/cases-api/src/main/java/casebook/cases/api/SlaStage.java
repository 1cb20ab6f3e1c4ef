package casebook.cases.api;

/** The service levels a region promises on each case, each with its own deadline (docs/triage.md, SLA). */
public enum SlaStage {
    /** From opening until someone first takes the case. */
    FIRST_ASSIGNMENT,
    /** From opening until the case is decided or dismissed. */
    DECISION,
    /** From an appeal's filing until its review is decided. */
    APPEAL_REVIEW
}
