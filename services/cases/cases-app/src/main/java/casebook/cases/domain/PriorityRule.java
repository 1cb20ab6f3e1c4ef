package casebook.cases.domain;

import casebook.cases.api.Money;
import casebook.cases.api.Priority;
import casebook.cases.api.RiskCategory;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Priority from points: score (0.9+: 3, 0.75+: 2, 0.5+: 1), money at risk (at or above {@code highMoney}: 2,
 * {@code mediumMoney}: 1) and the category's weight for the subject kind (0-2). 6+ points is P1, 4-5 P2,
 * 2-3 P3, below 2 P4. Amounts are compared as reported (detection systems report in USD). docs/triage.md.
 */
record PriorityRule(Map<RiskCategory, Integer> categoryWeights, BigDecimal mediumMoney, BigDecimal highMoney) {

    Priority priorityOf(RiskCategory category, BigDecimal score, Money moneyAtRisk) {
        int points = scorePoints(score) + moneyPoints(moneyAtRisk) + categoryWeights.getOrDefault(category, 0);
        if (points >= 6) return Priority.P1;
        if (points >= 4) return Priority.P2;
        if (points >= 2) return Priority.P3;
        return Priority.P4;
    }

    private static int scorePoints(BigDecimal score) {
        if (score.compareTo(new BigDecimal("0.9")) >= 0) return 3;
        if (score.compareTo(new BigDecimal("0.75")) >= 0) return 2;
        if (score.compareTo(new BigDecimal("0.5")) >= 0) return 1;
        return 0;
    }

    private int moneyPoints(Money money) {
        if (money == null) return 0;
        if (money.amount().compareTo(highMoney) >= 0) return 2;
        if (money.amount().compareTo(mediumMoney) >= 0) return 1;
        return 0;
    }
}
