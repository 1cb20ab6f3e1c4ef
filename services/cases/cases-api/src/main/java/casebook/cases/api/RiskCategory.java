package casebook.cases.api;

/** The kinds of abuse Casebook handles (product brief, "Risk category"). */
public enum RiskCategory {
    ACCOUNT_INTEGRITY,
    INCENTIVE_ABUSE,
    BRUSHING,
    CLICK_FARM,
    SCALPING,
    PAYMENT_FRAUD,
    KYC_FRAUD,
    AFFILIATION_COLLUSION,
    INFORMATION_LEAKAGE,
    OTHER_MALICIOUS_ACTIVITY
}
