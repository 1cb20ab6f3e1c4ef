package casebook.cases.domain;

import casebook.cases.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.FeatureMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static casebook.cases.domain.RiskCaseDecisionTest.BAN;
import static casebook.cases.domain.RiskCaseDecisionTest.DECISION;
import static casebook.cases.domain.RiskCaseDecisionTest.POLICY;
import static casebook.cases.domain.RiskCaseDecisionTest.SUSPEND;
import static casebook.cases.domain.RiskCaseDecisionTest.THRESHOLD_5000_USD;
import static casebook.cases.domain.RiskCaseDecisionTest.decided;
import static casebook.cases.domain.RiskCaseDecisionTest.proposed;
import static casebook.cases.domain.RiskCaseDecisionTest.violation;
import static casebook.cases.domain.RiskCaseTest.*;
import static org.hamcrest.Matchers.is;

/**
 * Results from the enforcement systems count only for what the case ordered: its region, an action it ordered, the
 * attempt it ordered last. Anything else changes nothing and is refused with a code (the listener dead-letters it).
 */
class RiskCaseEnforcementResultTest {
    AggregateTestFixture<RiskCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = RiskCaseFixtures.fixture();
    }

    /** A SEA seller case decided with SUSPEND_SELLING (attempt 1) and BAN, then the given events and command. */
    ResultValidator<RiskCase> givenDecided(Object... laterEventsThenCommand) {
        ProposeDecision ban = violation(ANA_SEA, EnforcementAction.SUSPEND_SELLING, EnforcementAction.BAN);
        List<Object> given = new ArrayList<>(List.of(
                new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2, fixture.currentTime(), null),
                new FlagAttached(CASE, flag("f-1", "0.91", "1520.00")), new CaseAssigned(CASE, "ana.sea", null),
                proposed(ban, true), decided(ban, "lee.sea")));
        given.addAll(List.of(laterEventsThenCommand).subList(0, laterEventsThenCommand.length - 1));
        return fixture.given(given).when(laterEventsThenCommand[laterEventsThenCommand.length - 1]);
    }

    static RecordEnforcementResult applied(ActionId action, int attempt, Region region) {
        return new RecordEnforcementResult(CASE, action, attempt, region, EnforcementOutcome.APPLIED, null, "svc");
    }

    static ResultValidator<RiskCase> refusedWith(ResultValidator<RiskCase> result, String code) {
        return result.expectException(CaseRuleBroken.class).expectException(new FeatureMatcher<CaseRuleBroken, String>(
                is(code), "a broken rule with code", "code") {
            @Override
            protected String featureValueOf(CaseRuleBroken broken) {
                return broken.code();
            }
        }).expectNoEvents();
    }

    @Test
    void aResultForTheOrderedAttemptInTheCasesRegionIsRecorded() {
        givenDecided(applied(BAN, 1, SEA)).expectEvents(new EnforcementApplied(CASE, BAN, 1, "svc"));
    }

    @Test
    void aResultForAnActionTheCaseNeverOrderedChangesNothing() {
        refusedWith(givenDecided(applied(ActionId.of(DECISION, 7), 1, SEA)), "unknown-action");
    }

    @Test
    void aResultNamingAnotherRegionChangesNothingAsIfTheCaseDidNotExist() {
        refusedWith(givenDecided(applied(BAN, 1, new Region("US"))), "unknown-case");
    }

    @Test
    void aResultForAnEarlierAttemptChangesNothing() {
        EnforcementRetried second = new EnforcementRetried(CASE, DECISION, SHOP,
                new OrderedAction(SUSPEND, EnforcementAction.SUSPEND_SELLING, Map.of()), POLICY, "ana.sea", "lee.sea",
                2, "lex.sea");
        refusedWith(givenDecided(new EnforcementFailed(CASE, SUSPEND, 1, "locked", "svc"), second,
                applied(SUSPEND, 1, SEA)), "earlier-attempt");
    }

    @Test
    void aResultForAnAttemptNeverOrderedChangesNothing() {
        refusedWith(givenDecided(applied(BAN, 2, SEA)), "unknown-attempt");
    }
}
