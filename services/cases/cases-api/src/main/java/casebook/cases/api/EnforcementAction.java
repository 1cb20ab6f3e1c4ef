package casebook.cases.api;

/**
 * Every enforcement action Casebook knows. Which of them fit which subject kind is decided by the
 * subject-kind policies of the domain, not here.
 */
public enum EnforcementAction {
    WARN,
    LIMIT_LISTINGS,
    SUSPEND_SELLING,
    WITHHOLD_PAYOUTS,
    BAN,
    RESTRICT_LIVE_SELLING,
    REVOKE_AFFILIATE_STATUS,
    CLAW_BACK_COMMISSION,
    CANCEL_ORDER,
    REFUND_BUYER,
    BLOCK_PAYMENT_INSTRUMENT,
    REVERSE_INCENTIVE
}
