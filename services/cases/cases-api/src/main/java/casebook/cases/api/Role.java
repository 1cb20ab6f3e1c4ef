package casebook.cases.api;

/** What a person or system may do; carried as the {@code roles} claim of a Keycloak token. */
public enum Role {
    ANALYST, LEAD, LEGAL, AUDITOR, DETECTION, ADMIN,
    /** Support staff who file appeals for subjects. */
    SUPPORT,
    /** The seller/creator centre's service account of a region, filing its subjects' appeals. */
    APPEALS,
    /** Privacy staff who file erasure requests. */
    PRIVACY
}
