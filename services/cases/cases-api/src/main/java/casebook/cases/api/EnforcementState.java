package casebook.cases.api;

/** Where an ordered enforcement action stands: published and waiting for its result, applied, or failed. */
public enum EnforcementState {
    ORDERED, APPLIED, FAILED
}
