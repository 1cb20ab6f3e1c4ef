package casebook.cases.domain;

import casebook.cases.api.EnforcementAction;
import casebook.cases.api.Money;
import casebook.cases.api.PlannedAction;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static casebook.cases.api.EnforcementAction.BAN;
import static casebook.cases.api.EnforcementAction.CLAW_BACK_COMMISSION;
import static casebook.cases.api.EnforcementAction.WITHHOLD_PAYOUTS;

/**
 * Invariant 4: which violations a second person, a lead of the region, must approve: those with a severe action,
 * and those whose money at risk is over the region's threshold. The case's money at risk is its largest single-flag
 * amount in each currency it has seen; every one of them is compared. Money in another currency than the
 * threshold's cannot be compared without a rate, so it needs approval too (docs/triage.md).
 */
final class FourEyes {
    static final Set<EnforcementAction> SEVERE = EnumSet.of(BAN, WITHHOLD_PAYOUTS, CLAW_BACK_COMMISSION);

    private FourEyes() {
    }

    static boolean required(List<PlannedAction> actions, Collection<Money> moneyAtRisk, Optional<Money> threshold) {
        if (actions.stream().anyMatch(a -> SEVERE.contains(a.action()))) {
            return true;
        }
        return threshold.map(t -> moneyAtRisk.stream().anyMatch(m -> over(m, t))).orElse(false);
    }

    /** Over the threshold, or not comparable with it (another currency). */
    private static boolean over(Money moneyAtRisk, Money threshold) {
        return !threshold.currency().equals(moneyAtRisk.currency())
                || moneyAtRisk.amount().compareTo(threshold.amount()) > 0;
    }
}
