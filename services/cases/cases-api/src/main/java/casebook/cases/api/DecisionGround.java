package casebook.cases.api;

/** What a violation rests on (DSA Art. 17(3)(d)-(e)). */
public enum DecisionGround {
    /** The platform's terms and conditions: the policy references are the contractual ground. */
    TERMS_AND_CONDITIONS,
    /** The law: the decision names the legal provision and why the conduct breaks it. */
    ILLEGAL_CONTENT
}
