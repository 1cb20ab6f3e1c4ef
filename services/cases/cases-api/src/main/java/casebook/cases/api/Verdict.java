package casebook.cases.api;

/** What a decision finds: a confirmed violation (enforced) or none (the case is dismissed). */
public enum Verdict {
    VIOLATION, NO_VIOLATION
}
