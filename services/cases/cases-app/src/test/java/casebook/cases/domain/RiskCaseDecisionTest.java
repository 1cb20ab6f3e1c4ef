package casebook.cases.domain;

import casebook.cases.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static casebook.cases.domain.RiskCaseTest.*;

/** Decisions: invariants 3 (only the assignee proposes), 4 (four eyes) and 5 (actions fit the subject kind). */
class RiskCaseDecisionTest {
    static final DecisionId DECISION = DecisionId.of("0b6f5a4e-2d1c-4d7e-9a51-3c2b1a0f9e88");
    static final Actor LEX_SEA_LEAD = new Actor("lex.sea", Set.of(Role.LEAD), RegionScope.of(Set.of(SEA)));
    static final Actor LEE_US = new Actor("lee.us", Set.of(Role.LEAD), RegionScope.of(Set.of(new Region("US"))));
    static final ApprovalPolicy THRESHOLD_5000_USD = RiskCaseFixtures.THRESHOLD_5000_USD;
    static final List<String> POLICY = List.of("SELLER-POLICY-4.2");

    AggregateTestFixture<RiskCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = RiskCaseFixtures.fixture();
    }

    /** A SEA seller case with 1,520 USD at risk, assigned to {@code assignee}. */
    ResultValidator<RiskCase> givenAssignedTo(Actor assignee, ProposeDecision command) {
        Flag flag = flag("f-1", "0.91", "1520.00");
        return fixture.given(new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2,
                        fixture.currentTime().plusSeconds(3600), null), new FlagAttached(CASE, flag),
                        new CaseAssigned(CASE, assignee.userId(), null))
                .when(command);
    }

    static ProposeDecision violation(Actor by, EnforcementAction... actions) {
        return new ProposeDecision(CASE, DECISION, Verdict.VIOLATION, POLICY, "14 fake orders from one device",
                List.of(actions).stream().map(a -> new PlannedAction(a, Map.of())).toList(), null, by, null);
    }

    static ProposeDecision dismissal(Actor by) {
        return new ProposeDecision(CASE, DECISION, Verdict.NO_VIOLATION, List.of(), "orders were real, see note",
                List.of(), DismissalLabel.FALSE_POSITIVE, by, null);
    }

    static DecisionProposed proposed(ProposeDecision c, boolean approvalRequired) {
        return new DecisionProposed(CASE, DECISION, c.verdict(), c.policyRefs(), c.rationale(), c.actions(), c.label(),
                c.actor().userId(), approvalRequired);
    }

    static CaseDecided decided(ProposeDecision c, String approvedBy) {
        List<OrderedAction> ordered = new java.util.ArrayList<>();
        for (int i = 0; i < c.actions().size(); i++) {
            ordered.add(new OrderedAction(ActionId.of(DECISION, i), c.actions().get(i).action(), Map.of()));
        }
        return new CaseDecided(CASE, DECISION, SHOP, c.verdict(), c.policyRefs(), c.rationale(), ordered, c.label(),
                c.actor().userId(), approvedBy);
    }

    /** The statement of reasons the subject gets with a violation decided now (DSA Art. 17). */
    StatementOfReasonsIssued statement(ProposeDecision c) {
        java.time.Instant at = fixture.currentTime();
        List<Restriction> restrictions = new java.util.ArrayList<>();
        for (int i = 0; i < c.actions().size(); i++) {
            restrictions.add(new Restriction(ActionId.of(DECISION, i), c.actions().get(i).action(), "SEA", null));
        }
        return new StatementOfReasonsIssued(CASE, DECISION, SHOP, new StatementOfReasons(restrictions,
                DecisionGround.TERMS_AND_CONDITIONS, null, c.policyRefs(), c.rationale(), "SOURCE_VOLUNTARY", true,
                "AUTOMATED_DECISION_NOT_AUTOMATED", at, at.atZone(java.time.ZoneOffset.UTC).plusMonths(6).toInstant(),
                List.of("INTERNAL_COMPLAINT", "OUT_OF_COURT_SETTLEMENT", "JUDICIAL")));
    }

    @Test
    void aMildViolationByTheAssigneeIsDecidedAtOnce() {
        ProposeDecision warn = violation(ANA_SEA, EnforcementAction.WARN, EnforcementAction.LIMIT_LISTINGS);
        givenAssignedTo(ANA_SEA, warn)
                .expectSuccessfulHandlerExecution()
                .expectEvents(proposed(warn, false), decided(warn, null), statement(warn))
                .expectState(c -> org.assertj.core.api.Assertions.assertThat(c).extracting("status")
                        .isEqualTo(CaseStatus.DECIDED));
    }

    @Test
    void aDismissalLabelsTheDetectionAndNeedsNoApproval() {
        ProposeDecision dismiss = dismissal(ANA_SEA);
        givenAssignedTo(ANA_SEA, dismiss)
                .expectEvents(proposed(dismiss, false), decided(dismiss, null))
                .expectState(c -> org.assertj.core.api.Assertions.assertThat(c).extracting("status")
                        .isEqualTo(CaseStatus.DISMISSED));
    }

    @Test
    void aSevereActionWaitsForALead() {
        ProposeDecision ban = violation(ANA_SEA, EnforcementAction.BAN);
        givenAssignedTo(ANA_SEA, ban)
                .expectEvents(proposed(ban, true))
                .expectState(c -> org.assertj.core.api.Assertions.assertThat(c).extracting("status")
                        .isEqualTo(CaseStatus.DECISION_PROPOSED));
    }

    @Test
    void moneyAtRiskOverTheRegionsThresholdWaitsForALead() {
        Flag big = flag("f-2", "0.5", "7000.00");
        ProposeDecision warn = violation(ANA_SEA, EnforcementAction.WARN);
        fixture.given(new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2, fixture.currentTime(), null),
                        new FlagAttached(CASE, big), new CaseAssigned(CASE, "ana.sea", null))
                .when(warn)
                .expectEvents(proposed(warn, true));
    }

    @Test
    void onlyTheAssigneeProposes() {
        givenAssignedTo(ANA_SEA, violation(BEN_SEA, EnforcementAction.WARN))
                .expectException(ActionNotPermitted.class).expectNoEvents();
        givenAssignedTo(ANA_SEA, violation(LEE_SEA, EnforcementAction.WARN))
                .expectException(ActionNotPermitted.class).expectNoEvents();
    }

    @Test
    void anUnassignedCaseCannotBeDecided() {
        fixture.given(new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2, fixture.currentTime(), null),
                        new FlagAttached(CASE, flag("f-1", "0.9", null)))
                .when(violation(ANA_SEA, EnforcementAction.WARN))
                .expectException(BrokenRule.code("case-not-assigned")).expectExceptionMessage(
                        org.hamcrest.Matchers.containsString("unassigned")).expectNoEvents();
    }

    @Test
    void actionsMustFitTheSubjectKind() {
        givenAssignedTo(ANA_SEA, violation(ANA_SEA, EnforcementAction.CANCEL_ORDER))
                .expectException(BrokenRule.code("action-not-for-subject-kind"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("CANCEL_ORDER does not apply to a SELLER"))
                .expectNoEvents();
        givenAssignedTo(ANA_SEA, violation(ANA_SEA, EnforcementAction.CLAW_BACK_COMMISSION))
                .expectException(BrokenRule.code("action-not-for-subject-kind")).expectNoEvents();
    }

    @Test
    void eachVerdictNeedsWhatItNeeds() {
        givenAssignedTo(ANA_SEA, violation(ANA_SEA))
                .expectException(BrokenRule.code("decision-invalid")).expectNoEvents();
        givenAssignedTo(ANA_SEA, new ProposeDecision(CASE, DECISION, Verdict.VIOLATION, List.of(), "why",
                List.of(new PlannedAction(EnforcementAction.WARN, Map.of())), null, ANA_SEA, null))
                .expectException(BrokenRule.code("decision-invalid")).expectNoEvents();
        givenAssignedTo(ANA_SEA, new ProposeDecision(CASE, DECISION, Verdict.NO_VIOLATION, List.of(), "why",
                List.of(), null, ANA_SEA, null))
                .expectException(BrokenRule.code("decision-invalid")).expectNoEvents();
        givenAssignedTo(ANA_SEA, new ProposeDecision(CASE, DECISION, Verdict.VIOLATION, POLICY, " ",
                List.of(new PlannedAction(EnforcementAction.WARN, Map.of())), null, ANA_SEA, null))
                .expectException(BrokenRule.code("decision-invalid")).expectNoEvents();
        givenAssignedTo(ANA_SEA, violation(ANA_SEA, EnforcementAction.WARN, EnforcementAction.WARN))
                .expectException(BrokenRule.code("decision-invalid")).expectNoEvents();
    }

    ResultValidator<RiskCase> givenProposed(ProposeDecision proposal, Object command) {
        return fixture.given(new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2, fixture.currentTime(), null),
                        new FlagAttached(CASE, flag("f-1", "0.91", "1520.00")),
                        new CaseAssigned(CASE, proposal.actor().userId(), null), proposed(proposal, true))
                .when(command);
    }

    @Test
    void aLeadApprovesAndTheCaseIsDecidedWithItsActionsOrdered() {
        ProposeDecision ban = violation(ANA_SEA, EnforcementAction.SUSPEND_SELLING, EnforcementAction.BAN);
        givenProposed(ban, new ApproveDecision(CASE, LEE_SEA, 3L))
                .expectSuccessfulHandlerExecution()
                .expectEvents(decided(ban, "lee.sea"), statement(ban))
                .expectResultMessagePayload(5L);
    }

    @Test
    void theProposerNeverApprovesTheirOwnProposalEvenAsALead() {
        ProposeDecision ban = violation(LEE_SEA, EnforcementAction.BAN);
        givenProposed(ban, new ApproveDecision(CASE, LEE_SEA, null))
                .expectException(ActionNotPermitted.class).expectNoEvents();
        givenProposed(ban, new SendBackDecision(CASE, "looks fine to me", LEE_SEA, null))
                .expectException(ActionNotPermitted.class).expectNoEvents();
    }

    @Test
    void onlyALeadOfTheRegionApproves() {
        ProposeDecision ban = violation(ANA_SEA, EnforcementAction.BAN);
        givenProposed(ban, new ApproveDecision(CASE, BEN_SEA, null))
                .expectException(ActionNotPermitted.class).expectNoEvents();
        givenProposed(ban, new ApproveDecision(CASE, LEE_US, null))
                .expectException(CaseNotFound.class).expectNoEvents();
        givenProposed(ban, new ApproveDecision(CASE, AUDREY, null))
                .expectException(ActionNotPermitted.class).expectNoEvents();
    }

    @Test
    void aLeadSendsTheProposalBackWithComments() {
        ProposeDecision ban = violation(ANA_SEA, EnforcementAction.BAN);
        givenProposed(ban, new SendBackDecision(CASE, " add the device evidence ", LEX_SEA_LEAD, null))
                .expectEvents(new DecisionSentBack(CASE, DECISION, "lex.sea", "add the device evidence"))
                .expectState(c -> org.assertj.core.api.Assertions.assertThat(c).extracting("status")
                        .isEqualTo(CaseStatus.IN_REVIEW));
        givenProposed(ban, new SendBackDecision(CASE, "", LEX_SEA_LEAD, null))
                .expectException(BrokenRule.code("comments-required")).expectNoEvents();
    }

    @Test
    void nothingToApproveWithoutAPendingProposal() {
        fixture.given(new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2, fixture.currentTime(), null),
                        new FlagAttached(CASE, flag("f-1", "0.91", null)), new CaseAssigned(CASE, "ana.sea", null))
                .when(new ApproveDecision(CASE, LEE_SEA, null))
                .expectException(BrokenRule.code("case-status")).expectNoEvents();
    }

    ResultValidator<RiskCase> givenDecidedBan(Object... laterEventsThenCommand) {
        ProposeDecision ban = violation(ANA_SEA, EnforcementAction.SUSPEND_SELLING, EnforcementAction.BAN);
        List<Object> given = new java.util.ArrayList<>(List.of(
                new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2, fixture.currentTime(), null),
                new FlagAttached(CASE, flag("f-1", "0.91", "1520.00")), new CaseAssigned(CASE, "ana.sea", null),
                proposed(ban, true), decided(ban, "lee.sea")));
        given.addAll(List.of(laterEventsThenCommand).subList(0, laterEventsThenCommand.length - 1));
        return fixture.given(given).when(laterEventsThenCommand[laterEventsThenCommand.length - 1]);
    }

    static final ActionId SUSPEND = ActionId.of(DECISION, 0);
    static final ActionId BAN = ActionId.of(DECISION, 1);

    @Test
    void theEnforcementSystemsResultsAreRecordedOnce() {
        givenDecidedBan(new RecordEnforcementResult(CASE, BAN, 1, SEA, EnforcementOutcome.APPLIED, null, "ban-service"))
                .expectEvents(new EnforcementApplied(CASE, BAN, 1, "ban-service"));
        givenDecidedBan(new EnforcementApplied(CASE, BAN, 1, "ban-service"),
                new RecordEnforcementResult(CASE, BAN, 1, SEA, EnforcementOutcome.APPLIED, null, "ban-service"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        givenDecidedBan(new RecordEnforcementResult(CASE, SUSPEND, 1, SEA, EnforcementOutcome.FAILED, "shop locked", "svc"))
                .expectEvents(new EnforcementFailed(CASE, SUSPEND, 1, "shop locked", "svc"));
        givenDecidedBan(new RecordEnforcementResult(CASE, ActionId.of(DECISION, 7), 1, SEA, EnforcementOutcome.APPLIED, null, "svc"))
                .expectException(BrokenRule.code("unknown-action")).expectNoEvents();
    }

    @Test
    void aLeadRetriesAFailedActionAsItsNextAttempt() {
        EnforcementFailed failed = new EnforcementFailed(CASE, SUSPEND, 1, "shop locked", "svc");
        givenDecidedBan(failed, new RetryEnforcement(CASE, SUSPEND, LEX_SEA_LEAD, null))
                .expectEvents(new EnforcementRetried(CASE, DECISION, SHOP,
                        new OrderedAction(SUSPEND, EnforcementAction.SUSPEND_SELLING, Map.of()), POLICY, "ana.sea",
                        "lee.sea", 2, "lex.sea"));
        givenDecidedBan(failed, new RetryEnforcement(CASE, SUSPEND, ANA_SEA, null))
                .expectException(ActionNotPermitted.class).expectNoEvents();
        givenDecidedBan(new RetryEnforcement(CASE, SUSPEND, LEX_SEA_LEAD, null))
                .expectException(BrokenRule.code("action-not-failed")).expectNoEvents();
        givenDecidedBan(failed, new EnforcementRetried(CASE, DECISION, SHOP,
                        new OrderedAction(SUSPEND, EnforcementAction.SUSPEND_SELLING, Map.of()), POLICY, "ana.sea",
                        "lee.sea", 2, "lex.sea"),
                new RecordEnforcementResult(CASE, SUSPEND, 2, SEA, EnforcementOutcome.APPLIED, null, "svc"))
                .expectEvents(new EnforcementApplied(CASE, SUSPEND, 2, "svc"));
    }

    static ProposeDecision warning(List<String> policyRefs, Map<String, String> parameters) {
        return new ProposeDecision(CASE, DECISION, Verdict.VIOLATION, policyRefs, "14 fake orders from one device",
                List.of(new PlannedAction(EnforcementAction.WARN, parameters)), null, ANA_SEA, null);
    }

    /** Policy references and action parameters are counted and measured up to their limits, inclusive. */
    @Test
    void aDecisionStaysWithinItsLimits() {
        List<String> mostRefs = java.util.stream.IntStream.range(0, ProposeDecision.MAX_POLICY_REFS)
                .mapToObj(i -> "P-" + i).toList();
        Map<String, String> mostParameters = new java.util.HashMap<>();
        for (int i = 0; i < PlannedAction.MAX_PARAMETERS; i++) mostParameters.put("p" + i, "v");
        givenAssignedTo(ANA_SEA, warning(mostRefs, mostParameters)).expectSuccessfulHandlerExecution();
        givenAssignedTo(ANA_SEA, warning(List.of("r".repeat(ProposeDecision.MAX_POLICY_REF_LENGTH)), Map.of()))
                .expectSuccessfulHandlerExecution();

        List<String> tooManyRefs = new java.util.ArrayList<>(mostRefs);
        tooManyRefs.add("P-last");
        givenAssignedTo(ANA_SEA, warning(tooManyRefs, Map.of()))
                .expectException(BrokenRule.code("decision-invalid")).expectNoEvents();
        givenAssignedTo(ANA_SEA, warning(List.of("r".repeat(ProposeDecision.MAX_POLICY_REF_LENGTH + 1)), Map.of()))
                .expectException(BrokenRule.code("decision-invalid")).expectNoEvents();
        Map<String, String> tooManyParameters = new java.util.HashMap<>(mostParameters);
        tooManyParameters.put("p-last", "v");
        givenAssignedTo(ANA_SEA, warning(POLICY, tooManyParameters))
                .expectException(BrokenRule.code("decision-invalid")).expectNoEvents();
    }

    @Test
    void aSendBackNeedsCommentsAndOnlyADecidedCaseRetries() {
        ProposeDecision ban = violation(ANA_SEA, EnforcementAction.BAN);
        givenProposed(ban, new SendBackDecision(CASE, " ", LEE_SEA, null))
                .expectException(BrokenRule.code("comments-required")).expectNoEvents();
        givenProposed(ban, new RetryEnforcement(CASE, ActionId.of(DECISION, 0), LEE_SEA, null))
                .expectException(BrokenRule.code("case-status")).expectNoEvents();
    }

    /** A failure reason has at most {@code RecordEnforcementResult.MAX_REASON_LENGTH} characters. */
    @Test
    void anEnforcementFailureReasonHasALimit() {
        String longest = "r".repeat(RecordEnforcementResult.MAX_REASON_LENGTH);
        givenDecidedBan(new RecordEnforcementResult(CASE, BAN, 1, SEA, EnforcementOutcome.FAILED, longest, "svc"))
                .expectEvents(new EnforcementFailed(CASE, BAN, 1, longest, "svc"));
        givenDecidedBan(new RecordEnforcementResult(CASE, BAN, 1, SEA, EnforcementOutcome.FAILED, longest + "r", "svc"))
                .expectException(BrokenRule.code("reason-too-long")).expectNoEvents();
    }

    /** Each decision command answers the case's new version (the REST API's next {@code If-Match}). */
    @Test
    void decisionCommandsAnswerTheCasesNewVersion() {
        givenAssignedTo(ANA_SEA, dismissal(ANA_SEA)).expectResultMessagePayload(4L);
        ProposeDecision ban = violation(ANA_SEA, EnforcementAction.BAN);
        givenProposed(ban, new ApproveDecision(CASE, LEE_SEA, null)).expectResultMessagePayload(5L);
        givenProposed(ban, new SendBackDecision(CASE, "add the device", LEE_SEA, null)).expectResultMessagePayload(4L);
        givenDecidedBan(new RecordEnforcementResult(CASE, BAN, 1, SEA, EnforcementOutcome.APPLIED, null, "svc"))
                .expectResultMessagePayload(5L);
        givenDecidedBan(new EnforcementFailed(CASE, BAN, 1, "locked", "svc"),
                new RetryEnforcement(CASE, BAN, LEX_SEA_LEAD, null)).expectResultMessagePayload(6L);
    }

    @Test
    void aDecidedCaseTakesNoNewProposalAndNothingIsSentBackWithoutOne() {
        givenDecidedBan(dismissal(ANA_SEA)).expectException(BrokenRule.code("case-status")).expectNoEvents();
        fixture.given(new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2, fixture.currentTime(), null),
                        new FlagAttached(CASE, flag("f-1", "0.91", null)), new CaseAssigned(CASE, "ana.sea", null))
                .when(new SendBackDecision(CASE, "more evidence", LEE_SEA, null))
                .expectException(BrokenRule.code("case-status")).expectNoEvents();
    }

    ResultValidator<RiskCase> givenFlagsThen(Object command, Flag... flags) {
        List<Object> given = new java.util.ArrayList<>(List.of(
                new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2, fixture.currentTime(), null)));
        for (Flag f : flags) given.add(new FlagAttached(CASE, f));
        given.add(new CaseAssigned(CASE, "ana.sea", null));
        return fixture.given(given).when(command);
    }

    /** Invariant 4: money at risk exactly at the threshold needs no second person; a later flag without money keeps it. */
    @Test
    void moneyAtRiskCountsAboveTheThresholdOnlyAndIsKeptByLaterFlagsWithoutMoney() {
        ProposeDecision warn = violation(ANA_SEA, EnforcementAction.WARN);
        givenFlagsThen(warn, flag("f-1", "0.6", "5000.00"))
                .expectEvents(proposed(warn, false), decided(warn, null), statement(warn));
        givenFlagsThen(warn, flag("f-1", "0.6", "5000.01"))
                .expectEvents(proposed(warn, true));
        givenFlagsThen(warn, flag("f-1", "0.6", "7000.00"), flag("f-2", "0.6", null))
                .expectEvents(proposed(warn, true));
    }

    @Test
    void aRepeatedEnforcementResultAnswersTheUnchangedVersion() {
        givenDecidedBan(new EnforcementApplied(CASE, BAN, 1, "ban-service"),
                new RecordEnforcementResult(CASE, BAN, 1, SEA, EnforcementOutcome.APPLIED, null, "ban-service"))
                .expectNoEvents().expectResultMessagePayload(5L);
    }
}
