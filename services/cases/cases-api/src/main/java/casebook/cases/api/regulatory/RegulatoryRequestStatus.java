package casebook.cases.api.regulatory;

/**
 * Where a request stands: received, waiting for the authority's clarification (then received again), accepted or
 * rejected by legal, and closed once an accepted request is fulfilled.
 */
public enum RegulatoryRequestStatus {
    RECEIVED, CLARIFICATION_REQUESTED, ACCEPTED, REJECTED, CLOSED;

    /** Rejected and closed requests are over: no reminder, no escalation, no hold. */
    public boolean isOver() {
        return this == REJECTED || this == CLOSED;
    }
}
