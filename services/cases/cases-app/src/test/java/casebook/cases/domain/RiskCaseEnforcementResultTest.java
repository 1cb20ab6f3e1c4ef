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

    /** A reversal ordered on appeal is an order of its own: its results are recorded (or refused) like any action's. */
    @Test
    void aResultForAReversalIsRecordedForTheReversalsOwnId() {
        AppealId appeal = AppealId.of("centre-appeal-7");
        ActionId reversal = ActionId.reversalOf(BAN);
        List<Object> overturned = List.of(new EnforcementApplied(CASE, BAN, 1, "svc"),
                new AppealFiled(CASE, appeal, DECISION, "real orders", List.of(), AppealChannel.SUPPORT, "sam.sea",
                        fixture.currentTime().plusSeconds(3600)),
                new AppealDecided(CASE, appeal, DECISION, AppealOutcome.PARTIALLY_OVERTURNED, List.of(
                        new ActionRuling(SUSPEND, Ruling.UPHELD), new ActionRuling(BAN, Ruling.OVERTURNED)), "real",
                        "ben.sea"),
                new ReversalOrdered(CASE, DECISION, SHOP, new OrderedAction(reversal, EnforcementAction.BAN, Map.of()),
                        BAN, appeal, POLICY, "ben.sea"));
        List<Object> applied = new ArrayList<>(overturned);
        applied.add(applied(reversal, 1, SEA));
        givenDecided(applied.toArray()).expectEvents(new EnforcementApplied(CASE, reversal, 1, "svc"));
        List<Object> failed = new ArrayList<>(overturned);
        failed.add(new RecordEnforcementResult(CASE, reversal, 1, SEA, EnforcementOutcome.FAILED, "timeout", "svc"));
        givenDecided(failed.toArray()).expectEvents(new EnforcementFailed(CASE, reversal, 1, "timeout", "svc"));
        List<Object> tooLate = new ArrayList<>(overturned);
        tooLate.add(applied(reversal, 2, SEA));
        refusedWith(givenDecided(tooLate.toArray()), "unknown-attempt");
    }
}
