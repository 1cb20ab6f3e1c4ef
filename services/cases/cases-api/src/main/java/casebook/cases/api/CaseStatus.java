package casebook.cases.api;

/** Where a case is in its lifecycle (product brief, "Lifecycle of a case"). */
public enum CaseStatus {
    OPEN, IN_REVIEW, DECISION_PROPOSED, DECIDED, DISMISSED, APPEALED, CLOSED
}
