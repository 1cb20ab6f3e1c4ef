package casebook.cases.domain;

import casebook.cases.api.EnforcementAction;
import casebook.cases.api.Money;
import casebook.cases.api.PlannedAction;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static casebook.cases.api.EnforcementAction.BAN;
import static casebook.cases.api.EnforcementAction.CLAW_BACK_COMMISSION;
import static casebook.cases.api.EnforcementAction.WITHHOLD_PAYOUTS;

/**
 * Invariant 4: which violations a second person, a lead of the region, must approve: those with a severe action,
 * and those whose money at risk is over the region's threshold. Money in another currency than the threshold's
 * cannot be compared without a rate, so it needs approval too.
 */
final class FourEyes {
    static final Set<EnforcementAction> SEVERE = EnumSet.of(BAN, WITHHOLD_PAYOUTS, CLAW_BACK_COMMISSION);

    private FourEyes() {
    }

    static boolean required(List<PlannedAction> actions, Money moneyAtRisk, Optional<Money> threshold) {
        if (actions.stream().anyMatch(a -> SEVERE.contains(a.action()))) {
            return true;
        }
        return moneyAtRisk != null && threshold
                .map(t -> !t.currency().equals(moneyAtRisk.currency()) || moneyAtRisk.amount().compareTo(t.amount()) > 0)
                .orElse(false);
    }
}
