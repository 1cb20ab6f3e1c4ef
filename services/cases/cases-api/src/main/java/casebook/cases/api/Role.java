package casebook.cases.api;

/** What a person or system may do; carried as the {@code roles} claim of a Keycloak token. */
public enum Role {
    ANALYST, LEAD, LEGAL, AUDITOR, DETECTION, ADMIN
}
