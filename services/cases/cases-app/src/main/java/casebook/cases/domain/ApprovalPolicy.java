package casebook.cases.domain;

import casebook.cases.api.Money;
import casebook.cases.api.Region;

import java.util.Optional;

/** Above which money at risk a region wants a lead to approve every violation. Configuration, not code. */
public interface ApprovalPolicy {
    Optional<Money> moneyAtRiskThreshold(Region region);
}
