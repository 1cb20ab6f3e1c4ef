package casebook.cases.infrastructure.policy;

import casebook.cases.api.Money;
import casebook.cases.api.Region;
import casebook.cases.domain.ApprovalPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Each region's four-eyes threshold from configuration ({@code casebook.approval.money-at-risk.<REGION>}, an amount
 * and a currency): a violation on a case with more money at risk needs a lead's approval. A region without one
 * needs approval for severe actions only.
 */
@ConfigurationProperties("casebook.approval")
public record ApprovalProperties(Map<String, Money> moneyAtRisk) implements ApprovalPolicy {

    public ApprovalProperties {
        moneyAtRisk = moneyAtRisk == null ? Map.of() : Map.copyOf(moneyAtRisk);
        moneyAtRisk.forEach((region, threshold) -> {
            if (threshold.amount().compareTo(BigDecimal.ZERO) < 0 || !threshold.currency().matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("casebook.approval.money-at-risk." + region
                        + " needs a non-negative amount and an ISO currency code, was " + threshold);
            }
        });
    }

    @Override
    public Optional<Money> moneyAtRiskThreshold(Region region) {
        return Optional.ofNullable(moneyAtRisk.get(region.code()));
    }
}
