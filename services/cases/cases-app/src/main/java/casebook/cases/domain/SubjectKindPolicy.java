package casebook.cases.domain;

import casebook.cases.api.EnforcementAction;
import casebook.cases.api.Money;
import casebook.cases.api.Priority;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.SubjectKind;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static casebook.cases.api.EnforcementAction.*;
import static casebook.cases.api.RiskCategory.*;

/**
 * Everything that differs by subject kind, in one place per kind: the enforcement actions that fit it
 * (invariant 5) and how its cases are prioritised.
 */
public enum SubjectKindPolicy {
    SELLER(EnumSet.of(WARN, LIMIT_LISTINGS, SUSPEND_SELLING, WITHHOLD_PAYOUTS, BAN),
            new PriorityRule(Map.of(PAYMENT_FRAUD, 2, ACCOUNT_INTEGRITY, 2, KYC_FRAUD, 2, BRUSHING, 1,
                    AFFILIATION_COLLUSION, 1, INFORMATION_LEAKAGE, 1, SCALPING, 1),
                    new BigDecimal("1000"), new BigDecimal("10000"))),
    CREATOR(EnumSet.of(WARN, RESTRICT_LIVE_SELLING, REVOKE_AFFILIATE_STATUS, CLAW_BACK_COMMISSION, BAN),
            new PriorityRule(Map.of(AFFILIATION_COLLUSION, 2, ACCOUNT_INTEGRITY, 2, CLICK_FARM, 1,
                    INCENTIVE_ABUSE, 1, INFORMATION_LEAKAGE, 1),
                    new BigDecimal("1000"), new BigDecimal("10000"))),
    TRANSACTION(EnumSet.of(CANCEL_ORDER, REFUND_BUYER, BLOCK_PAYMENT_INSTRUMENT, REVERSE_INCENTIVE),
            new PriorityRule(Map.of(PAYMENT_FRAUD, 2, ACCOUNT_INTEGRITY, 1, INCENTIVE_ABUSE, 1, SCALPING, 1),
                    new BigDecimal("500"), new BigDecimal("5000")));

    private final Set<EnforcementAction> allowedActions;
    private final PriorityRule priorityRule;

    SubjectKindPolicy(Set<EnforcementAction> allowedActions, PriorityRule priorityRule) {
        this.allowedActions = Set.copyOf(allowedActions);
        this.priorityRule = priorityRule;
    }

    public static SubjectKindPolicy of(SubjectKind kind) {
        return valueOf(kind.name());
    }

    public Set<EnforcementAction> allowedActions() {
        return allowedActions;
    }

    public Priority priorityOf(RiskCategory category, BigDecimal score, Money moneyAtRisk) {
        return priorityRule.priorityOf(category, score, moneyAtRisk);
    }
}
