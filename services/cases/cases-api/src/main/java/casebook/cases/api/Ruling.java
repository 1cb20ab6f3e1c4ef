package casebook.cases.api;

/** What an appeal's reviewer found for one ordered action. */
public enum Ruling {
    /** The action stands. */
    UPHELD,
    /** The action was wrong: it is reversed (a reversal order goes to enforcement). */
    OVERTURNED
}
