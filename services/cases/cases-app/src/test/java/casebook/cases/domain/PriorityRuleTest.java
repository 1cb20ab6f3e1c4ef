package casebook.cases.domain;

import casebook.cases.api.Money;
import casebook.cases.api.Priority;
import casebook.cases.api.RiskCategory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each threshold of the priority points counts from its value on (docs/triage.md). */
class PriorityRuleTest {
    /** Brushing weighs 1 point; money at risk from 1,000 is worth 1 point, from 10,000 2 points. */
    final PriorityRule rule = new PriorityRule(Map.of(RiskCategory.BRUSHING, 1), new BigDecimal("1000"),
            new BigDecimal("10000"));

    Priority of(RiskCategory category, String score, String money) {
        return rule.priorityOf(category, new BigDecimal(score), money == null ? null : new Money(new BigDecimal(money), "USD"));
    }

    @Test
    void scoresCountFromEachThresholdOn() {
        assertThat(of(RiskCategory.BRUSHING, "0.9", null)).isEqualTo(Priority.P2);      // 3 + 1
        assertThat(of(RiskCategory.BRUSHING, "0.8999", null)).isEqualTo(Priority.P3);   // 2 + 1
        assertThat(of(RiskCategory.SCALPING, "0.75", null)).isEqualTo(Priority.P3);     // 2
        assertThat(of(RiskCategory.SCALPING, "0.7499", null)).isEqualTo(Priority.P4);   // 1
        assertThat(of(RiskCategory.BRUSHING, "0.5", null)).isEqualTo(Priority.P3);      // 1 + 1
        assertThat(of(RiskCategory.BRUSHING, "0.4999", null)).isEqualTo(Priority.P4);   // 0 + 1
    }

    @Test
    void moneyCountsFromEachThresholdOn() {
        assertThat(of(RiskCategory.BRUSHING, "0.5", "10000")).isEqualTo(Priority.P2);    // 1 + 2 + 1
        assertThat(of(RiskCategory.BRUSHING, "0.5", "9999.99")).isEqualTo(Priority.P3);  // 1 + 1 + 1
        assertThat(of(RiskCategory.SCALPING, "0.5", "1000")).isEqualTo(Priority.P3);     // 1 + 1
        assertThat(of(RiskCategory.SCALPING, "0.5", "999.99")).isEqualTo(Priority.P4);   // 1 + 0
    }

    @Test
    void sixPointsAreP1() {
        assertThat(of(RiskCategory.BRUSHING, "0.9", "10000")).isEqualTo(Priority.P1);    // 3 + 2 + 1
        assertThat(of(RiskCategory.SCALPING, "0.9", "10000")).isEqualTo(Priority.P2);    // 3 + 2
    }
}
