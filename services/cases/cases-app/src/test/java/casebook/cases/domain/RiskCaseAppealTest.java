package casebook.cases.domain;

import casebook.cases.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static casebook.cases.domain.RiskCaseTest.*;

/** Appeals (DSA Art. 20, invariants 6 and 7): who may appeal what and when, who reviews, what an overturn reverses. */
class RiskCaseAppealTest {
    static final DecisionId DECISION = DecisionId.of("0b6f5a4e-2d1c-4d7e-9a51-3c2b1a0f9e88");
    static final ActionId SUSPEND = ActionId.of(DECISION, 0);
    static final ActionId LIMIT = ActionId.of(DECISION, 1);
    static final AppealId APPEAL = AppealId.of("centre-appeal-42");
    static final Actor SUPPORT_SEA = new Actor("sam.sea", Set.of(Role.SUPPORT), RegionScope.of(Set.of(SEA)));
    static final Actor CENTRE_US = new Actor("seller-centre-us", Set.of(Role.APPEALS),
            RegionScope.of(Set.of(new Region("US"))));
    static final List<String> POLICY = List.of("SELLER-POLICY-4.2");

    AggregateTestFixture<RiskCase> fixture;
    Instant decidedAt;

    @BeforeEach
    void setUp() {
        fixture = RiskCaseFixtures.fixture();
        decidedAt = fixture.currentTime();
    }

    /** A violation decided by ana.sea and approved by lee.sea: suspend selling and limit listings. */
    List<Object> decided(Object... later) {
        List<Object> events = new ArrayList<>(List.of(
                new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2, decidedAt, null),
                new FlagAttached(CASE, flag("f-1", "0.9", null)),
                new CaseAssigned(CASE, "ana.sea", null),
                new CaseDecided(CASE, DECISION, SHOP, Verdict.VIOLATION, POLICY, "fake orders", List.of(
                        new OrderedAction(SUSPEND, EnforcementAction.SUSPEND_SELLING, Map.of("days", "30")),
                        new OrderedAction(LIMIT, EnforcementAction.LIMIT_LISTINGS, Map.of())), null, "ana.sea",
                        "lee.sea")));
        events.addAll(List.of(later));
        return events;
    }

    FileAppeal appeal(AppealId id, DecisionId decision, Actor by) {
        return new FileAppeal(CASE, id, decision, " The orders were real. ", List.of("s3://appeals/receipts.pdf"),
                AppealChannel.SUPPORT, by, null);
    }

    AppealFiled filed(Instant at) {
        return new AppealFiled(CASE, APPEAL, DECISION, "The orders were real.", List.of("s3://appeals/receipts.pdf"),
                AppealChannel.SUPPORT, "sam.sea", at.plus(RiskCaseFixtures.APPEAL_REVIEW));
    }

    ResultValidator<RiskCase> whenAppealed(Object command, Object... before) {
        List<Object> given = decided(before);
        given.add(filed(decidedAt));
        return fixture.given(given).when(command);
    }

    static DecideAppeal ruling(Actor reviewer, Ruling suspend, Ruling limit) {
        return new DecideAppeal(CASE, APPEAL, List.of(new ActionRuling(SUSPEND, suspend), new ActionRuling(LIMIT, limit)),
                " receipts check out ", reviewer, null);
    }

    @Test
    void supportFilesAnAppealOnceAndTheCaseJoinsTheAppealQueueWithADeadline() {
        fixture.given(decided())
                .when(appeal(APPEAL, DECISION, SUPPORT_SEA))
                .expectEvents(filed(decidedAt))
                .expectScheduledDeadline(RiskCaseFixtures.APPEAL_REVIEW,
                        new AppealDeadline(APPEAL, decidedAt.plus(RiskCaseFixtures.APPEAL_REVIEW)))
                .expectState(c -> org.assertj.core.api.Assertions.assertThat(c).extracting("status")
                        .isEqualTo(CaseStatus.APPEALED));
        // the same appeal again (a retried delivery) changes nothing; another appeal of the decision is refused
        whenAppealed(appeal(APPEAL, DECISION, SUPPORT_SEA)).expectSuccessfulHandlerExecution().expectNoEvents();
        whenAppealed(appeal(AppealId.of("another"), DECISION, SUPPORT_SEA))
                .expectException(BrokenRule.code("already-appealed")).expectNoEvents();
    }

    @Test
    void onlyTheCurrentDecidedViolationCanBeAppealedWithinItsWindow() {
        fixture.given(decided()).when(appeal(APPEAL, DecisionId.random(), SUPPORT_SEA))
                .expectException(BrokenRule.code("unknown-decision")).expectNoEvents();
        fixture.given(decided())
                .andGivenCurrentTime(decidedAt.atZone(ZoneOffset.UTC).plusMonths(6).plusSeconds(1).toInstant())
                .when(appeal(APPEAL, DECISION, SUPPORT_SEA))
                .expectException(BrokenRule.code("appeal-window-closed")).expectNoEvents();
        fixture.given(decided())
                .andGivenCurrentTime(decidedAt.atZone(ZoneOffset.UTC).plusMonths(6).toInstant())
                .when(appeal(APPEAL, DECISION, SUPPORT_SEA))
                .expectSuccessfulHandlerExecution();
        fixture.given(new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2, decidedAt, null),
                        new FlagAttached(CASE, flag("f-1", "0.9", null)), new CaseAssigned(CASE, "ana.sea", null),
                        new CaseDecided(CASE, DECISION, SHOP, Verdict.NO_VIOLATION, List.of(), "real orders", List.of(),
                                DismissalLabel.FALSE_POSITIVE, "ana.sea", null))
                .when(appeal(APPEAL, DECISION, SUPPORT_SEA))
                .expectException(BrokenRule.code("decision-not-appealable")).expectNoEvents();
    }

    @Test
    void theWindowIsTheOneTheStatementOfReasonsAnnounced() {
        Instant announced = decidedAt.plus(Duration.ofDays(400));
        StatementOfReasonsIssued statement = new StatementOfReasonsIssued(CASE, DECISION, SHOP, new StatementOfReasons(
                List.of(), DecisionGround.TERMS_AND_CONDITIONS, null, POLICY, "fake orders", "SOURCE_VOLUNTARY", true,
                "AUTOMATED_DECISION_NOT_AUTOMATED", decidedAt, announced, StatementOfReasons.REDRESS));
        fixture.given(decided(statement))
                .andGivenCurrentTime(announced.minusSeconds(1))
                .when(appeal(APPEAL, DECISION, SUPPORT_SEA))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAppealIsWellFormedAndFiledBySupportOrTheSubjectCentreOfTheRegion() {
        fixture.given(decided()).when(new FileAppeal(CASE, APPEAL, DECISION, " ", List.of(), AppealChannel.SUPPORT,
                SUPPORT_SEA, null)).expectException(BrokenRule.code("appeal-invalid")).expectNoEvents();
        fixture.given(decided()).when(new FileAppeal(CASE, APPEAL, DECISION, "real", List.of("has space"),
                AppealChannel.SUPPORT, SUPPORT_SEA, null)).expectException(BrokenRule.code("appeal-invalid"))
                .expectNoEvents();
        fixture.given(decided()).when(appeal(APPEAL, DECISION, ANA_SEA))
                .expectException(ActionNotPermitted.class).expectNoEvents();
        fixture.given(decided()).when(appeal(APPEAL, DECISION, CENTRE_US))
                .expectException(CaseNotFound.class).expectNoEvents();
    }

    @Test
    void anAppealThatNamesASubjectIsTheCaseSubjectsOwn() {
        Actor centreSea = new Actor("kafka:casebook.appeals.v1", Set.of(Role.APPEALS), RegionScope.of(Set.of(SEA)));
        fixture.given(decided()).when(new FileAppeal(CASE, APPEAL, DECISION, "real", List.of(),
                        AppealChannel.SUBJECT_CENTRE, new SubjectRef(SubjectKind.SELLER, "another-shop"), centreSea, null))
                .expectException(BrokenRule.code("subject-mismatch")).expectNoEvents();
        fixture.given(decided()).when(new FileAppeal(CASE, APPEAL, DECISION, "The orders were real.",
                        List.of("s3://appeals/receipts.pdf"), AppealChannel.SUBJECT_CENTRE, SHOP, centreSea, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theReviewerNeitherDecidedNorApproved() {
        whenAppealed(ruling(ANA_SEA, Ruling.OVERTURNED, Ruling.OVERTURNED))
                .expectException(ActionNotPermitted.class).expectNoEvents();
        whenAppealed(ruling(LEE_SEA, Ruling.OVERTURNED, Ruling.OVERTURNED))
                .expectException(ActionNotPermitted.class).expectNoEvents();
        whenAppealed(ruling(SUPPORT_SEA, Ruling.UPHELD, Ruling.UPHELD))
                .expectException(ActionNotPermitted.class).expectNoEvents();
    }

    @Test
    void upheldTheCaseReturnsToWhereItWas() {
        List<Object> closed = decided(new EnforcementApplied(CASE, SUSPEND, 1, "svc"),
                new EnforcementApplied(CASE, LIMIT, 1, "svc"),
                new CaseClosed(CASE, ResolutionCode.ENFORCED, null, "ana.sea"));
        closed.add(filed(decidedAt));
        fixture.given(closed)
                .when(ruling(BEN_SEA, Ruling.UPHELD, Ruling.UPHELD))
                .expectEvents(new AppealDecided(CASE, APPEAL, DECISION, AppealOutcome.UPHELD, List.of(
                        new ActionRuling(SUSPEND, Ruling.UPHELD), new ActionRuling(LIMIT, Ruling.UPHELD)),
                        "receipts check out", "ben.sea"))
                .expectState(c -> org.assertj.core.api.Assertions.assertThat(c).extracting("status")
                        .isEqualTo(CaseStatus.CLOSED));
    }

    /** Invariant 7: every overturned action that may have taken effect is reversed by an order of its own. */
    @Test
    void anOverturnReversesEveryActionThatMayHaveTakenEffect() {
        ActionId reversal = ActionId.reversalOf(SUSPEND);
        whenAppealed(ruling(BEN_SEA, Ruling.OVERTURNED, Ruling.UPHELD), new EnforcementApplied(CASE, SUSPEND, 1, "svc"))
                .expectEvents(new AppealDecided(CASE, APPEAL, DECISION, AppealOutcome.PARTIALLY_OVERTURNED, List.of(
                                new ActionRuling(SUSPEND, Ruling.OVERTURNED), new ActionRuling(LIMIT, Ruling.UPHELD)),
                                "receipts check out", "ben.sea"),
                        new ReversalOrdered(CASE, DECISION, SHOP, new OrderedAction(reversal,
                                EnforcementAction.SUSPEND_SELLING, Map.of("days", "30")), SUSPEND, APPEAL, POLICY,
                                "ben.sea"));
        // a failed action took no effect: nothing to reverse, and it is never retried
        whenAppealed(ruling(BEN_SEA, Ruling.OVERTURNED, Ruling.OVERTURNED),
                new EnforcementFailed(CASE, SUSPEND, 1, "locked", "svc"))
                .expectEvents(new AppealDecided(CASE, APPEAL, DECISION, AppealOutcome.OVERTURNED, List.of(
                                new ActionRuling(SUSPEND, Ruling.OVERTURNED), new ActionRuling(LIMIT, Ruling.OVERTURNED)),
                                "receipts check out", "ben.sea"),
                        new ReversalOrdered(CASE, DECISION, SHOP, new OrderedAction(ActionId.reversalOf(LIMIT),
                                EnforcementAction.LIMIT_LISTINGS, Map.of()), LIMIT, APPEAL, POLICY, "ben.sea"));
    }

    @Test
    void aReviewRulesOnEveryActionOfTheDecision() {
        whenAppealed(new DecideAppeal(CASE, APPEAL, List.of(new ActionRuling(SUSPEND, Ruling.OVERTURNED)), "partly",
                BEN_SEA, null)).expectException(BrokenRule.code("appeal-rulings-invalid")).expectNoEvents();
        whenAppealed(new DecideAppeal(CASE, APPEAL, List.of(new ActionRuling(SUSPEND, Ruling.OVERTURNED),
                new ActionRuling(SUSPEND, Ruling.UPHELD), new ActionRuling(LIMIT, Ruling.UPHELD)), "twice", BEN_SEA, null))
                .expectException(BrokenRule.code("appeal-rulings-invalid")).expectNoEvents();
        whenAppealed(new DecideAppeal(CASE, AppealId.of("other"), List.of(), "x", BEN_SEA, null))
                .expectException(BrokenRule.code("unknown-appeal")).expectNoEvents();
        whenAppealed(new DecideAppeal(CASE, APPEAL, List.of(new ActionRuling(SUSPEND, Ruling.UPHELD),
                new ActionRuling(LIMIT, Ruling.UPHELD)), " ", BEN_SEA, null))
                .expectException(BrokenRule.code("appeal-rationale")).expectNoEvents();
        fixture.given(decided()).when(ruling(BEN_SEA, Ruling.UPHELD, Ruling.UPHELD))
                .expectException(BrokenRule.code("case-status")).expectNoEvents();
    }

    @Test
    void aWhollyOverturnedCaseClosesAsOverturnedOnceItsReversalsAreApplied() {
        ActionId reverseSuspend = ActionId.reversalOf(SUSPEND);
        ActionId reverseLimit = ActionId.reversalOf(LIMIT);
        List<Object> overturned = decided(new EnforcementApplied(CASE, SUSPEND, 1, "svc"),
                new EnforcementApplied(CASE, LIMIT, 1, "svc"));
        overturned.addAll(List.of(filed(decidedAt), new AppealDecided(CASE, APPEAL, DECISION, AppealOutcome.OVERTURNED,
                        List.of(new ActionRuling(SUSPEND, Ruling.OVERTURNED), new ActionRuling(LIMIT, Ruling.OVERTURNED)),
                        "real", "ben.sea"),
                new ReversalOrdered(CASE, DECISION, SHOP, new OrderedAction(reverseSuspend,
                        EnforcementAction.SUSPEND_SELLING, Map.of()), SUSPEND, APPEAL, POLICY, "ben.sea"),
                new ReversalOrdered(CASE, DECISION, SHOP, new OrderedAction(reverseLimit,
                        EnforcementAction.LIMIT_LISTINGS, Map.of()), LIMIT, APPEAL, POLICY, "ben.sea"),
                new EnforcementApplied(CASE, reverseSuspend, 1, "svc")));
        fixture.given(overturned).when(new CloseCase(CASE, ResolutionCode.OVERTURNED, null, ANA_SEA, null))
                .expectException(BrokenRule.code("enforcement-outstanding")).expectNoEvents();
        // a failed reversal is retried as a reversal, never as the action itself
        List<Object> failedReversal = new ArrayList<>(overturned);
        failedReversal.add(new EnforcementFailed(CASE, reverseLimit, 1, "timeout", "svc"));
        fixture.given(failedReversal).when(new RetryEnforcement(CASE, reverseLimit, LEE_SEA, null))
                .expectEvents(new EnforcementRetried(CASE, DECISION, SHOP, new OrderedAction(reverseLimit,
                        EnforcementAction.LIMIT_LISTINGS, Map.of()), POLICY, "ana.sea", "lee.sea", 2, "lee.sea", LIMIT));
        fixture.given(failedReversal).when(new RetryEnforcement(CASE, LIMIT, LEE_SEA, null))
                .expectException(BrokenRule.code("action-overturned")).expectNoEvents();
        List<Object> settled = new ArrayList<>(overturned);
        settled.add(new EnforcementApplied(CASE, reverseLimit, 1, "svc"));
        fixture.given(settled).when(new CloseCase(CASE, ResolutionCode.ENFORCED, null, ANA_SEA, null))
                .expectException(BrokenRule.code("case-status")).expectNoEvents();
        fixture.given(settled).when(new CloseCase(CASE, ResolutionCode.OVERTURNED, null, ANA_SEA, null))
                .expectEvents(new CaseClosed(CASE, ResolutionCode.OVERTURNED, null, "ana.sea"));
    }

    @Test
    void anAppealNotReviewedInTimeGoesToTheLead() {
        Instant due = decidedAt.plus(RiskCaseFixtures.APPEAL_REVIEW);
        fixture.given(decided())
                .andGivenCommands(appeal(APPEAL, DECISION, SUPPORT_SEA))
                .whenTimeElapses(RiskCaseFixtures.APPEAL_REVIEW)
                .expectEvents(new SlaBreached(CASE, SlaStage.APPEAL_REVIEW, due),
                        new CaseEscalated(CASE, "appeal " + APPEAL + " not reviewed by " + due, "casebook-sla"));
    }

    @Test
    void aDecisionOnAnIllegalContentGroundNamesTheLaw() {
        fixture.given(new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2, decidedAt, null),
                        new FlagAttached(CASE, flag("f-1", "0.9", null)), new CaseAssigned(CASE, "ana.sea", null))
                .when(new ProposeDecision(CASE, DECISION, Verdict.VIOLATION, POLICY, "fake reviews", List.of(
                        new PlannedAction(EnforcementAction.WARN, Map.of())), null, DecisionGround.ILLEGAL_CONTENT,
                        " ", ANA_SEA, null))
                .expectException(BrokenRule.code("legal-ground-required")).expectNoEvents();
    }
}
