package casebook.cases.domain;

import casebook.cases.api.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;

/** The one way a test builds a case fixture: the case with the region policies it is given in production. */
final class RiskCaseFixtures {
    static final ApprovalPolicy THRESHOLD_5000_USD = region -> Optional.of(new Money(new BigDecimal("5000"), "USD"));
    static final Period APPEAL_WINDOW = Period.ofMonths(6);
    static final Duration APPEAL_REVIEW = Duration.ofDays(7);
    static final AppealPolicy APPEALS = new AppealPolicy() {
        @Override
        public Period window(casebook.cases.api.Region region, casebook.cases.api.SubjectKind kind) {
            return APPEAL_WINDOW;
        }

        @Override
        public Duration reviewTarget(casebook.cases.api.Region region) {
            return APPEAL_REVIEW;
        }
    };

    private RiskCaseFixtures() {
    }

    static AggregateTestFixture<RiskCase> fixture() {
        return fixture(THRESHOLD_5000_USD);
    }

    static AggregateTestFixture<RiskCase> fixture(ApprovalPolicy approvals) {
        AggregateTestFixture<RiskCase> fixture = new AggregateTestFixture<>(RiskCase.class);
        fixture.registerInjectableResource(RiskCaseTest.SLA);
        fixture.registerInjectableResource(approvals);
        fixture.registerInjectableResource(APPEALS);
        return fixture;
    }
}
