package casebook.cases.api;

/** What an enforcement system reports about one action: it took effect, or it could not apply it. */
public enum EnforcementOutcome {
    APPLIED, FAILED
}
