package casebook.cases.domain;

import casebook.cases.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static casebook.cases.domain.RiskCaseTest.*;

/** Closing with a resolution code that fits how the case ended; reopening on new evidence or a new flag. */
class RiskCaseClosingTest {
    static final DecisionId DECISION = DecisionId.random();
    static final ActionId SUSPEND = ActionId.of(DECISION, 0);

    AggregateTestFixture<RiskCase> fixture;
    Instant now;

    @BeforeEach
    void setUp() {
        fixture = RiskCaseFixtures.fixture();
        now = fixture.currentTime();
    }

    Object[] decidedViolation(EnforcementState outcome) {
        List<Object> events = new ArrayList<>(List.of(
                new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P3, now.plus(Duration.ofHours(24)),
                        now.plus(Duration.ofHours(240))),
                new FlagAttached(CASE, flag("f-1", "0.6", null)),
                new CaseAssigned(CASE, "ana.sea", null),
                new CaseDecided(CASE, DECISION, SHOP, Verdict.VIOLATION, List.of("SELLER-POLICY-4.2"), "fake orders",
                        List.of(new OrderedAction(SUSPEND, EnforcementAction.SUSPEND_SELLING, Map.of())), null,
                        "ana.sea", null)));
        if (outcome == EnforcementState.APPLIED) events.add(new EnforcementApplied(CASE, SUSPEND, 1, "seller-enforcement"));
        if (outcome == EnforcementState.FAILED) events.add(new EnforcementFailed(CASE, SUSPEND, 1, "locked", "seller-enforcement"));
        return events.toArray();
    }

    Object[] dismissed() {
        return new Object[] {
                new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P3, now.plus(Duration.ofHours(24)),
                        now.plus(Duration.ofHours(240))),
                new FlagAttached(CASE, flag("f-1", "0.6", null)),
                new CaseAssigned(CASE, "ana.sea", null),
                new CaseDecided(CASE, DECISION, SHOP, Verdict.NO_VIOLATION, List.of(), "one-off", List.of(),
                        DismissalLabel.FALSE_POSITIVE, "ana.sea", null)};
    }

    @Test
    void anEnforcedViolationClosesOnceEveryActionIsApplied() {
        fixture.given(decidedViolation(EnforcementState.APPLIED))
                .when(new CloseCase(CASE, ResolutionCode.ENFORCED, " all applied ", ANA_SEA, null))
                .expectEvents(new CaseClosed(CASE, ResolutionCode.ENFORCED, "all applied", "ana.sea"));

        fixture.given(decidedViolation(EnforcementState.ORDERED))
                .when(new CloseCase(CASE, ResolutionCode.ENFORCED, null, ANA_SEA, null))
                .expectException(BrokenRule.code("enforcement-outstanding")).expectNoEvents();
        fixture.given(decidedViolation(EnforcementState.FAILED))
                .when(new CloseCase(CASE, ResolutionCode.ENFORCED, null, ANA_SEA, null))
                .expectException(BrokenRule.code("enforcement-outstanding")).expectNoEvents();
    }

    @Test
    void theResolutionMustFitHowTheCaseEnded() {
        fixture.given(dismissed())
                .when(new CloseCase(CASE, ResolutionCode.NO_VIOLATION, null, ANA_SEA, null))
                .expectEvents(new CaseClosed(CASE, ResolutionCode.NO_VIOLATION, null, "ana.sea"));
        fixture.given(dismissed())
                .when(new CloseCase(CASE, ResolutionCode.ENFORCED, null, ANA_SEA, null))
                .expectException(BrokenRule.code("case-status")).expectNoEvents();
        fixture.given(decidedViolation(EnforcementState.APPLIED))
                .when(new CloseCase(CASE, ResolutionCode.NO_VIOLATION, null, ANA_SEA, null))
                .expectException(BrokenRule.code("case-status")).expectNoEvents();
        fixture.given(dismissed())
                .when(new CloseCase(CASE, null, null, ANA_SEA, null))
                .expectException(BrokenRule.code("resolution-required")).expectNoEvents();
    }

    @Test
    void onlyALeadClosesAnUndecidedCaseWhoseSubjectIsGone() {
        Object[] open = {new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P3, now, null),
                new FlagAttached(CASE, flag("f-1", "0.6", null))};
        fixture.given(open)
                .when(new CloseCase(CASE, ResolutionCode.SUBJECT_GONE, "shop deleted by its owner", LEE_SEA, null))
                .expectEvents(new CaseClosed(CASE, ResolutionCode.SUBJECT_GONE, "shop deleted by its owner", "lee.sea"));
        fixture.given(open)
                .when(new CloseCase(CASE, ResolutionCode.SUBJECT_GONE, null, ANA_SEA, null))
                .expectException(ActionNotPermitted.class).expectNoEvents();
        fixture.given(open)
                .when(new CloseCase(CASE, ResolutionCode.SUBJECT_GONE, null, ANA_US, null))
                .expectException(CaseNotFound.class).expectNoEvents();
        fixture.given(open)
                .when(new CloseCase(CASE, ResolutionCode.NO_VIOLATION, null, LEE_SEA, null))
                .expectException(BrokenRule.code("case-status")).expectNoEvents();
    }

    @Test
    void aClosedCaseReopensOnNewEvidenceForANewDecision() {
        List<Object> closed = new ArrayList<>(List.of(dismissed()));
        closed.add(new CaseClosed(CASE, ResolutionCode.NO_VIOLATION, null, "ana.sea"));
        Instant decideBy = now.plus(Duration.ofHours(240));
        fixture.given(closed)
                .when(new ReopenCase(CASE, " chargebacks from 12 buyers ", BEN_SEA, null))
                .expectEvents(new CaseReopened(CASE, "chargebacks from 12 buyers", "ben.sea",
                        ResolutionCode.NO_VIOLATION, decideBy))
                .expectScheduledDeadline(Duration.ofHours(240), new SlaDeadline(SlaStage.DECISION, decideBy));
        // reopened, it can be assigned and decided again
        List<Object> reopened = new ArrayList<>(closed);
        reopened.add(new CaseReopened(CASE, "chargebacks", "ben.sea", ResolutionCode.NO_VIOLATION, decideBy));
        fixture.given(reopened)
                .when(new AssignCase(CASE, "ben.sea", BEN_SEA, null))
                .expectEvents(new CaseAssigned(CASE, "ben.sea", null));

        fixture.given(dismissed())
                .when(new ReopenCase(CASE, "not closed", BEN_SEA, null))
                .expectException(BrokenRule.code("case-status")).expectNoEvents();
        fixture.given(closed)
                .when(new ReopenCase(CASE, " ", BEN_SEA, null))
                .expectException(BrokenRule.code("reopen-reason")).expectNoEvents();
        // a newer case holding the subject's slot refuses the reopening in the same transaction: CaseClosingIT
    }

    @Test
    void aReopenedCaseCountsItsDecisionTimeFromTheReopening() {
        List<Object> closed = new ArrayList<>(List.of(dismissed()));
        closed.add(new CaseClosed(CASE, ResolutionCode.NO_VIOLATION, null, "ana.sea"));
        Instant reopenedAt = now.plus(Duration.ofHours(100));
        Flag severe = flag("f-9", "0.95", "25000.00");
        // P3 -> P1: 10 h to decide, counted from the reopening, not from the opening
        fixture.given(closed)
                .andGivenCurrentTime(reopenedAt)
                .andGiven(new CaseReopened(CASE, "chargebacks", "ben.sea", ResolutionCode.NO_VIOLATION,
                        reopenedAt.plus(Duration.ofHours(240))))
                .when(new AttachFlag(CASE, severe))
                .expectEvents(new FlagAttached(CASE, severe), new PriorityRaised(CASE, Priority.P3, Priority.P1,
                        now.plus(Duration.ofHours(1)), reopenedAt.plus(Duration.ofHours(10))));
    }

    @Test
    void aNewFlagRoutedToAClosedCaseReopensItFirst() {
        List<Object> closed = new ArrayList<>(List.of(dismissed()));
        closed.add(new CaseClosed(CASE, ResolutionCode.NO_VIOLATION, null, "ana.sea"));
        Flag again = flag("f-2", "0.6", null);
        fixture.given(closed)
                .when(new AttachFlag(CASE, again))
                .expectEvents(new CaseReopened(CASE, "new flag f-2 from brushing-detector", "brushing-detector",
                                ResolutionCode.NO_VIOLATION, now.plus(Duration.ofHours(240))),
                        new FlagAttached(CASE, again));
    }

    /** A closing note has at most {@code CloseCase.MAX_NOTE_LENGTH} characters. */
    @Test
    void aClosingNoteHasALimit() {
        String longest = "n".repeat(CloseCase.MAX_NOTE_LENGTH);
        fixture.given(dismissed())
                .when(new CloseCase(CASE, ResolutionCode.NO_VIOLATION, longest, ANA_SEA, null))
                .expectEvents(new CaseClosed(CASE, ResolutionCode.NO_VIOLATION, longest, "ana.sea"));
        fixture.given(dismissed())
                .when(new CloseCase(CASE, ResolutionCode.NO_VIOLATION, longest + "n", ANA_SEA, null))
                .expectException(BrokenRule.code("note-too-long")).expectNoEvents();
    }

    @Test
    void anAuditorClosesNothingAndClosingAndReopeningAnswerTheCasesVersion() {
        Actor audrey = new Actor("audrey", java.util.Set.of(Role.AUDITOR), RegionScope.ALL);
        fixture.given(dismissed())
                .when(new CloseCase(CASE, ResolutionCode.NO_VIOLATION, null, audrey, null))
                .expectException(ActionNotPermitted.class).expectNoEvents();
        fixture.given(dismissed())
                .when(new CloseCase(CASE, ResolutionCode.NO_VIOLATION, null, ANA_SEA, null))
                .expectResultMessagePayload(4L);
        List<Object> closed = new ArrayList<>(List.of(dismissed()));
        closed.add(new CaseClosed(CASE, ResolutionCode.NO_VIOLATION, null, "ana.sea"));
        fixture.given(closed).when(new ReopenCase(CASE, "chargebacks", BEN_SEA, null)).expectResultMessagePayload(5L);
    }
}
