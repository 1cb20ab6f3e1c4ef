package casebook.projections.casesearch;

import casebook.cases.api.ActionId;
import casebook.cases.api.AppealChannel;
import casebook.cases.api.AppealDecided;
import casebook.cases.api.AppealFiled;
import casebook.cases.api.AppealId;
import casebook.cases.api.AppealOutcome;
import casebook.cases.api.CaseClosed;
import casebook.cases.api.CaseDecided;
import casebook.cases.api.CaseReopened;
import casebook.cases.api.ResolutionCode;
import casebook.cases.api.CaseStatus;
import casebook.cases.api.CaseView;
import casebook.cases.api.DecisionId;
import casebook.cases.api.DecisionProposed;
import casebook.cases.api.DecisionSentBack;
import casebook.cases.api.DismissalLabel;
import casebook.cases.api.EnforcementAction;
import casebook.cases.api.FlagAttached;
import casebook.cases.api.Money;
import casebook.cases.api.OrderedAction;
import casebook.cases.api.PlannedAction;
import casebook.cases.api.Priority;
import casebook.cases.api.Region;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import casebook.cases.api.SlaBreached;
import casebook.cases.api.SlaStage;
import casebook.cases.api.Verdict;
import casebook.cases.api.EntityKind;
import casebook.cases.api.EntityLinked;
import casebook.cases.api.Evidence;
import casebook.cases.api.EvidenceAdded;
import casebook.cases.api.EvidenceId;
import casebook.cases.api.EvidenceKind;
import casebook.cases.api.LegalHoldPlaced;
import casebook.cases.api.LegalHoldReleased;
import casebook.cases.api.LinkedEntity;
import casebook.cases.api.PersonalData;
import casebook.cases.api.PersonalDataErased;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.util.BinaryData;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static casebook.projections.casesearch.CaseEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseDocumentTest {

    static final Region SEA = Region.of("SEA");
    static final Instant DUE = Instant.parse("2026-11-21T09:00:00Z");

    private static CaseEvents aCase() {
        return CaseEvents.opened("shop-1", SEA, RiskCategory.BRUSHING, Priority.P3, DUE);
    }

    private static Signals devices(String... ids) {
        return new Signals(List.of(ids), List.of(), List.of(), List.of());
    }

    @Test
    void anOpenedCaseIsOpenWithItsSubjectRegionCategoryPriorityAndSla() {
        CaseEvents c = aCase();

        CaseDocument doc = c.document();

        assertThat(doc.caseId()).isEqualTo(c.caseId);
        assertThat(doc.subject().id()).isEqualTo("shop-1");
        assertThat(doc.region()).isEqualTo(SEA);
        assertThat(doc.category()).isEqualTo(RiskCategory.BRUSHING);
        assertThat(doc.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(doc.priority()).isEqualTo(Priority.P3);
        assertThat(doc.slaDueAt()).isEqualTo(DUE);
        assertThat(doc.openedAt()).isEqualTo(T0);
        assertThat(doc.updatedAt()).isEqualTo(T0);
        assertThat(doc.version()).isZero();
        assertThat(doc.flagCount()).isZero();
        assertThat(doc.assignee()).isNull();
        assertThat(doc.moneyAtRisk()).isNull();
    }

    @Test
    void aDecisionWaitsForApprovalIsSentBackAndIsTakenWithItsActions() {
        DecisionId decision = DecisionId.of("0b6f5a4e-2d1c-4d7e-9a51-3c2b1a0f9e88");
        List<PlannedAction> ban = List.of(new PlannedAction(EnforcementAction.BAN, Map.of()));
        CaseEvents c = aCase().flag("f-1", "0.9", null, Signals.NONE).assigned("ana", null)
                              .add(new DecisionProposed(null, decision, Verdict.VIOLATION, List.of("P-1"), "why", ban,
                                                        null, "ana", true));
        assertThat(c.document().status()).isEqualTo(CaseStatus.DECISION_PROPOSED);
        assertThat(c.document().decision().state()).isEqualTo(CaseView.Decision.State.PROPOSED);
        assertThat(c.document().decision().actions()).extracting(CaseView.Action::actionId).containsOnlyNulls();

        c.add(new DecisionSentBack(null, decision, "lee", "more evidence"));
        assertThat(c.document().status()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(c.document().decision()).isNull();

        ActionId actionId = ActionId.of(decision, 0);
        c.add(new CaseDecided(null, decision, null, Verdict.VIOLATION, List.of("P-1"), "why",
                              List.of(new OrderedAction(actionId, EnforcementAction.BAN, Map.of())), null, "ana", "lee"));
        CaseDocument decided = c.document();
        assertThat(decided.status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(decided.decision().state()).isEqualTo(CaseView.Decision.State.TAKEN);
        assertThat(decided.decision().approvedBy()).isEqualTo("lee");
        assertThat(decided.decision().actions()).extracting(CaseView.Action::actionId).containsExactly(actionId);
    }

    @Test
    void anAppealIsShownQueuedByItsReviewDeadlineAndItsOutcomeDecidesWhereTheCaseGoes() {
        DecisionId decision = DecisionId.of("0b6f5a4e-2d1c-4d7e-9a51-3c2b1a0f9e88");
        ActionId suspend = ActionId.of(decision, 0);
        ActionId limit = ActionId.of(decision, 1);
        Instant reviewBy = DUE.plusSeconds(86_400);
        java.util.function.Supplier<CaseEvents> decidedAndClosed = () -> aCase().flag("f-1", "0.9", null, Signals.NONE)
                .assigned("ana", null)
                .add(new CaseDecided(null, decision, null, Verdict.VIOLATION, List.of("P-1"), "why", List.of(
                        new OrderedAction(suspend, EnforcementAction.SUSPEND_SELLING, Map.of("days", "30")),
                        new OrderedAction(limit, EnforcementAction.LIMIT_LISTINGS, Map.of())), null, "ana", null))
                .add(new casebook.cases.api.StatementOfReasonsIssued(null, decision, null,
                        new casebook.cases.api.StatementOfReasons(List.of(), casebook.cases.api.DecisionGround.ILLEGAL_CONTENT,
                                "Art. 1", List.of("P-1"), "why", "SOURCE_VOLUNTARY", true,
                                "AUTOMATED_DECISION_NOT_AUTOMATED", T0, DUE, List.of())))
                .add(new CaseClosed(null, ResolutionCode.ENFORCED, null, "ana"))
                .add(new casebook.cases.api.AppealFiled(null, casebook.cases.api.AppealId.of("ap-1"), decision,
                        "real orders", List.of("s3://a"), casebook.cases.api.AppealChannel.SUPPORT, "sam", reviewBy));

        CaseDocument appealed = decidedAndClosed.get().document();
        assertThat(appealed.status()).isEqualTo(CaseStatus.APPEALED);
        assertThat(appealed.resolution()).isNull();
        assertThat(appealed.nextDueAt()).isEqualTo(reviewBy);
        assertThat(appealed.decision().statementOfReasons().ground())
                .isEqualTo(casebook.cases.api.DecisionGround.ILLEGAL_CONTENT);
        assertThat(appealed.toView().appeals()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(CaseView.Appeal.Status.FILED));

        CaseDocument upheld = decidedAndClosed.get().add(new casebook.cases.api.AppealDecided(null,
                casebook.cases.api.AppealId.of("ap-1"), decision, casebook.cases.api.AppealOutcome.UPHELD, List.of(),
                "stands", "nina")).document();
        assertThat(upheld.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(upheld.resolution()).isEqualTo(ResolutionCode.ENFORCED);
        assertThat(upheld.nextDueAt()).isNull();

        CaseDocument overturned = decidedAndClosed.get().add(new casebook.cases.api.AppealDecided(null,
                        casebook.cases.api.AppealId.of("ap-1"), decision,
                        casebook.cases.api.AppealOutcome.PARTIALLY_OVERTURNED, List.of(
                        new casebook.cases.api.ActionRuling(suspend, casebook.cases.api.Ruling.OVERTURNED),
                        new casebook.cases.api.ActionRuling(limit, casebook.cases.api.Ruling.UPHELD)), "half", "nina"))
                .add(new casebook.cases.api.ReversalOrdered(null, decision, null, new OrderedAction(
                        ActionId.reversalOf(suspend), EnforcementAction.SUSPEND_SELLING, Map.of("days", "30")), suspend,
                        casebook.cases.api.AppealId.of("ap-1"), List.of("P-1"), "nina")).document();
        assertThat(overturned.status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(overturned.resolution()).isNull();
        assertThat(overturned.closedAt()).isNull();
        assertThat(overturned.appeals().get(0).outcome()).isEqualTo(casebook.cases.api.AppealOutcome.PARTIALLY_OVERTURNED);
        assertThat(overturned.appeals().get(0).reviewedBy()).isEqualTo("nina");
        assertThat(overturned.decision().actions()).extracting(CaseView.Action::reverses).containsExactly(null, null, suspend);
    }

    @Test
    void aDismissalDismissesTheCase() {
        DecisionId decision = DecisionId.of("0b6f5a4e-2d1c-4d7e-9a51-3c2b1a0f9e88");
        CaseEvents c = aCase().flag("f-1", "0.9", null, Signals.NONE).assigned("ana", null)
                              .add(new DecisionProposed(null, decision, Verdict.NO_VIOLATION, List.of(), "real orders",
                                                        List.of(), DismissalLabel.FALSE_POSITIVE, "ana", false))
                              .add(new CaseDecided(null, decision, null, Verdict.NO_VIOLATION, List.of(), "real orders",
                                                   List.of(), DismissalLabel.FALSE_POSITIVE, "ana", null));

        assertThat(c.document().status()).isEqualTo(CaseStatus.DISMISSED);
        assertThat(c.document().decision().label()).isEqualTo(DismissalLabel.FALSE_POSITIVE);
    }

    @Test
    void eachFlagIsCountedSummarisedAndRaisesTheMaxScore() {
        CaseEvents c = aCase().flag("f-1", "0.70", null, Signals.NONE)
                              .flag("f-2", "0.95", null, Signals.NONE)
                              .flag("f-3", "0.80", null, Signals.NONE);

        CaseDocument doc = c.document();

        assertThat(doc.flagCount()).isEqualTo(3);
        assertThat(doc.maxScore()).isEqualByComparingTo("0.95");
        assertThat(doc.flags()).extracting(f -> f.flagId().value()).containsExactly("f-1", "f-2", "f-3");
        assertThat(doc.flags().get(0).source().id()).isEqualTo("ring-detector");
        assertThat(doc.flags().get(0).observedAt()).isEqualTo(T0.minusSeconds(30));
    }

    @Test
    void signalsAreTheDistinctUnionOfAllFlagsInFirstSeenOrder() {
        CaseEvents c = aCase()
                .flag("f-1", "0.5", null, new Signals(List.of("d2", "d1"), List.of("10.0.0.1"), List.of(), List.of("acc-1")))
                .flag("f-2", "0.5", null, new Signals(List.of("d1", "d3"), List.of("10.0.0.1", "10.0.0.2"), List.of("pf-9"), List.of()));

        Signals signals = c.document().signals();

        assertThat(signals.deviceIds()).containsExactly("d2", "d1", "d3");
        assertThat(signals.ips()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(signals.paymentFingerprints()).containsExactly("pf-9");
        assertThat(signals.linkedAccounts()).containsExactly("acc-1");
    }

    @Test
    void moneyAtRiskIsTheLargestSingleFlagAmountInTheCurrencyOfTheFirstFlagWithMoney() {
        CaseEvents c = aCase().flag("no-money", "0.5", null, Signals.NONE)
                              .flag("eur-100", "0.5", money("100.00", "EUR"), Signals.NONE)
                              .flag("usd-500", "0.5", money("500", "USD"), Signals.NONE)
                              .flag("eur-80", "0.5", money("80", "EUR"), Signals.NONE)
                              .flag("eur-150", "0.5", money("150.50", "EUR"), Signals.NONE)
                              .flag("no-money-again", "0.5", null, Signals.NONE);

        CaseDocument.MoneyAtRisk money = c.document().moneyAtRisk();

        assertThat(money.amount()).isEqualTo("150.50");
        assertThat(money.currency()).isEqualTo("EUR");
        assertThat(c.document().toView().moneyAtRisk()).isEqualTo(money("150.50", "EUR"));
    }

    @Test
    void aFlagInAnotherCurrencyNeverReplacesTheFirstCurrency() {
        CaseEvents c = aCase().flag("usd", "0.5", money("1", "USD"), Signals.NONE)
                              .flag("eur", "0.5", money("1000000", "EUR"), Signals.NONE);

        assertThat(c.document().moneyAtRisk().toMoney()).isEqualTo(money("1", "USD"));
    }

    @Test
    void aRaisedPriorityChangesPriorityAndSlaDueTime() {
        Instant sooner = DUE.minusSeconds(3_600);
        CaseDocument doc = aCase().raised(Priority.P3, Priority.P1, sooner).document();

        assertThat(doc.priority()).isEqualTo(Priority.P1);
        assertThat(doc.slaDueAt()).isEqualTo(sooner);
    }

    @Test
    void theNextDeadlineIsTheFirstAssignmentThenTheDecisionAndNoneOnceDecided() {
        CaseEvents c = aCase();
        Instant decideBy = DUE.plus(java.time.Duration.ofDays(3));
        assertThat(c.document().nextDueAt()).isEqualTo(DUE);
        assertThat(c.document().decisionDueAt()).isEqualTo(decideBy);

        c.add(new SlaBreached(c.caseId, SlaStage.FIRST_ASSIGNMENT, DUE)).assigned("ana", null).unassigned("ana");
        assertThat(c.document().nextDueAt()).as("assigned once: the decision is next").isEqualTo(decideBy);
        assertThat(c.document().firstAssignedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(c.document().slaBreaches()).containsExactly(SlaStage.FIRST_ASSIGNMENT);
        assertThat(c.document().toView().slaBreaches()).containsExactly(SlaStage.FIRST_ASSIGNMENT);

        c.assigned("ana", null).add(new CaseDecided(c.caseId, DecisionId.random(), c.document().subject(),
                Verdict.NO_VIOLATION, List.of(), "nothing", List.of(), DismissalLabel.FALSE_POSITIVE, "ana", null));
        assertThat(c.document().nextDueAt()).isNull();
        assertThat(c.document().decidedAt()).isNotNull();
    }

    @Test
    void aClosedCaseHasItsResolutionAndNoDeadlineAndAReopenedOneNeedsANewDecision() {
        CaseEvents c = aCase().assigned("ana", null).add(new CaseDecided(null,
                DecisionId.random(), null, Verdict.NO_VIOLATION, List.of(), "nothing", List.of(),
                DismissalLabel.FALSE_POSITIVE, "ana", null));
        c.add(new CaseClosed(c.caseId, ResolutionCode.NO_VIOLATION, null, "ana"));
        assertThat(c.document().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.document().toView().resolution()).isEqualTo(ResolutionCode.NO_VIOLATION);
        assertThat(c.document().closedAt()).isNotNull();
        assertThat(c.document().nextDueAt()).isNull();

        Instant decideBy = DUE.plus(java.time.Duration.ofDays(10));
        c.add(new CaseReopened(c.caseId, "chargebacks", "ben", ResolutionCode.NO_VIOLATION, decideBy));
        CaseDocument reopened = c.document();
        assertThat(reopened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(reopened.resolution()).isNull();
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.assignee()).isNull();
        assertThat(reopened.decision()).isNull();
        assertThat(reopened.nextDueAt()).isEqualTo(decideBy);
    }

    /** The appeal of the current decision is indexed for the leads' rates; the case is APPEALED while it is reviewed. */
    @Test
    void anAppealedCaseIsAppealedUntilItsOutcomeAndAnUpheldOneReturnsToWhereItWas() {
        DecisionId decision = DecisionId.random();
        AppealId appeal = AppealId.of("centre-1");
        CaseEvents c = aCase().assigned("ana", null);
        c.add(new CaseDecided(c.caseId, decision, null, Verdict.VIOLATION, List.of("P-1"), "fake", List.of(), null,
                "ana", null));
        c.add(new CaseClosed(c.caseId, ResolutionCode.ENFORCED, null, "ana"));
        c.add(new AppealFiled(c.caseId, appeal, decision, "real", List.of(), AppealChannel.SUPPORT, "sam", DUE));

        CaseDocument appealed = c.document();
        assertThat(appealed.status()).isEqualTo(CaseStatus.APPEALED);
        assertThat(appealed.resolution()).isNull();
        assertThat(appealed.appeals()).extracting(CaseView.Appeal::appealId).containsExactly(appeal);
        // opened at T0, then an event a minute: assigned, decided, closed (+180 s), appealed (+240 s), upheld (+300 s)
        assertThat(appealed.appeal().filedAt()).isEqualTo(T0.plusSeconds(240));
        assertThat(appealed.appeal().outcome()).isNull();

        CaseEvents upheld = c.add(new AppealDecided(c.caseId, appeal, decision, AppealOutcome.UPHELD, List.of(), "no",
                "ben"));
        CaseDocument back = upheld.document();
        assertThat(back.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(back.resolution()).isEqualTo(ResolutionCode.ENFORCED);
        assertThat(back.closedAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(back.appeal().outcome()).isEqualTo(AppealOutcome.UPHELD);
        assertThat(back.appeal().filedAt()).isEqualTo(T0.plusSeconds(240));
        assertThat(back.appeal().decidedAt()).isEqualTo(T0.plusSeconds(300));

        upheld.add(new CaseReopened(c.caseId, "new evidence", "lee", ResolutionCode.ENFORCED, DUE));
        assertThat(upheld.document().appeal()).isNull();
    }

    @Test
    void anOverturnLeavesTheCaseDecidedWithItsReversalsToApply() {
        DecisionId decision = DecisionId.random();
        AppealId appeal = AppealId.of("centre-2");
        CaseEvents c = aCase().assigned("ana", null);
        c.add(new CaseDecided(c.caseId, decision, null, Verdict.VIOLATION, List.of("P-1"), "fake", List.of(), null,
                "ana", null));
        c.add(new AppealFiled(c.caseId, appeal, decision, "real", List.of(), AppealChannel.SUBJECT_CENTRE, "centre", DUE));
        c.add(new AppealDecided(c.caseId, appeal, decision, AppealOutcome.PARTIALLY_OVERTURNED, List.of(), "partly",
                "ben"));

        CaseDocument doc = c.document();

        assertThat(doc.status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(doc.resolution()).isNull();
        assertThat(doc.appeal().outcome()).isEqualTo(AppealOutcome.PARTIALLY_OVERTURNED);
    }

    @Test
    void timesToAssignAndDecideAndTheFlagSourcesAreKeptForTheLeadsFigures() {
        CaseEvents c = aCase().flag("f-1", "0.5", null, Signals.NONE).flag("f-2", "0.6", null, Signals.NONE)
                .assigned("ana", null);
        assertThat(c.document().secondsToFirstAssignment()).isEqualTo(180);
        assertThat(c.document().secondsToDecision()).isNull();
        assertThat(c.document().flagSources()).containsExactly("MODEL:1:7:ring-detector");

        c.add(new CaseDecided(c.caseId, DecisionId.random(), null, Verdict.NO_VIOLATION, List.of(), "nothing",
                List.of(), DismissalLabel.FALSE_POSITIVE, "ana", null));
        assertThat(c.document().secondsToDecision()).isEqualTo(240);
    }

    @Test
    void aFlagSourceKeyReadsBackWhateverItsIdAndVersionHold() {
        var odd = new casebook.cases.api.FlagSource(casebook.cases.api.FlagSource.Kind.RULE, "a:b:c", "1:2");
        assertThat(FlagSourceKeys.source(FlagSourceKeys.of(odd))).isEqualTo(odd);
    }

    @Test
    void anAssignedCaseIsInReviewAndAnUnassignedOneIsOpenAgain() {
        CaseEvents c = aCase().assigned("ana", null);
        assertThat(c.document().status()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(c.document().assignee()).isEqualTo("ana");

        c.assigned("bo", "ana");
        assertThat(c.document().status()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(c.document().assignee()).isEqualTo("bo");

        c.unassigned("bo");
        assertThat(c.document().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.document().assignee()).isNull();
    }

    @Test
    void notesAreKeptInOrderWithAuthorAndTheTimeOfTheirEvent() {
        CaseDocument doc = aCase().note("ana", "first look").note("bo", "same device as last week").document();

        assertThat(doc.notes()).extracting(n -> n.author() + ": " + n.text())
                               .containsExactly("ana: first look", "bo: same device as last week");
        assertThat(doc.notes().get(1).addedAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void versionAndUpdatedAtFollowTheLastEvent() {
        CaseDocument doc = aCase().flag("f-1", "0.5", null, Signals.NONE).assigned("ana", null).document();

        assertThat(doc.version()).isEqualTo(2);
        assertThat(doc.updatedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(doc.openedAt()).isEqualTo(T0);
    }

    @Test
    void anEventAlreadyInTheDocumentChangesNothing() {
        CaseEvents c = aCase().flag("f-1", "0.5", money("10", "EUR"), devices("d1")).note("ana", "hello");
        CaseDocument doc = c.document();

        for (DomainEventMessage<?> replayed : c.events()) {
            assertThat(CaseDocument.apply(doc, replayed.getPayload(), replayed.getSequenceNumber(),
                                          replayed.getTimestamp())).isSameAs(doc);
        }
        assertThat(doc.flagCount()).isEqualTo(1);
        assertThat(doc.notes()).hasSize(1);
    }

    @Test
    void anEventForACaseWithoutDocumentAsksForARebuild() {
        DomainEventMessage<?> flag = aCase().flag("f-1", "0.5", null, Signals.NONE).events().get(1);

        assertThatThrownBy(() -> CaseDocument.apply(null, flag.getPayload(), 1, T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rebuild");
        assertThat(flag.getPayload()).isInstanceOf(FlagAttached.class);
    }

    @Test
    void theJsonFormKeepsDecimalsAndInstantsExact() throws IOException {
        CaseDocument doc = aCase().flag("f-1", "0.870", money("12.50", "EUR"), devices("d1"))
                                  .note("ana", "text").document();

        BinaryData source = CaseDocumentJson.source(doc);
        Map<String, Object> json = new ObjectMapper().readValue(source.asInputStream(), new TypeReference<>() { });

        assertThat(source.contentType()).isEqualTo("application/json");
        assertThat(json).containsEntry("maxScore", "0.870").containsEntry("caseId", doc.caseId().toString())
                        .containsEntry("openedAt", "2026-11-20T09:00:00.123456Z").doesNotContainKey("assignee");
        assertThat(json.get("moneyAtRisk")).isEqualTo(Map.of("amount", "12.50", "value", "12.50", "currency", "EUR"));
        JsonpMapper reader = CaseDocumentJson.jsonpMapper();
        CaseDocument read = reader.deserialize(reader.jsonProvider().createParser(source.asInputStream()),
                CaseDocument.class);
        assertThat(read).isEqualTo(doc);
        assertThat(read.maxScore()).isEqualTo(new BigDecimal("0.870"));
    }

    private static Money money(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    @Test
    void aCaseWithThousandsOfFlagsKeepsABoundedDocumentWithCountsAndSearchableSignals() {
        CaseEvents c = aCase();
        int flags = 3 * CaseDocument.MAX_FLAGS;
        for (int i = 0; i < flags; i++) {
            c.flag("f-" + i, "0.5", null, devices("dev-" + i, "dev-shared"));
        }

        CaseDocument doc = c.document();

        assertThat(doc.flagCount()).isEqualTo(flags);
        assertThat(doc.flags()).hasSize(CaseDocument.MAX_FLAGS);
        assertThat(doc.flags().get(doc.flags().size() - 1).flagId().value()).isEqualTo("f-" + (flags - 1));
        assertThat(doc.signals().deviceIds()).hasSize(CaseDocument.MAX_SIGNALS_PER_KIND)
                .contains("dev-0", "dev-shared", "dev-998").doesNotContain("dev-" + (flags - 1));
        assertThat(doc.flagSources()).hasSize(1);
        assertThat(doc.toView().signals().deviceIds()).hasSize(CaseDocument.MAX_SIGNALS_SHOWN);
        assertThat(doc.toView().flagCount()).isEqualTo(flags);
    }

    @Test
    void aRecordedDisclosureIsListedOnTheCaseOnce() {
        CaseEvents c = aCase();
        casebook.cases.api.DisclosureRecorded recorded = new casebook.cases.api.DisclosureRecorded(c.caseId,
                casebook.cases.api.regulatory.RegulatoryRequestId.of("bka-1"),
                casebook.cases.api.regulatory.DisclosureId.of("p1"),
                List.of(casebook.cases.api.DisclosableField.SUBJECT, casebook.cases.api.DisclosableField.NOTES),
                List.of(casebook.cases.api.DisclosableField.NOTES),
                new casebook.cases.api.regulatory.Authority("Bundeskriminalamt", "DE"), "§ 100g StPO", "lex", "lena",
                DUE);

        CaseDocument doc = c.add(recorded).document();

        assertThat(doc.version()).isEqualTo(1);
        assertThat(doc.toView().disclosures()).containsExactly(
                casebook.cases.api.CaseView.Disclosure.of(recorded));
    }

    @Test
    void aCaseShowsItsLegalHoldsOldestFirstUntilReleased() {
        RegulatoryRequestId bka = RegulatoryRequestId.of("bka-2026-4471");
        RegulatoryRequestId ftc = RegulatoryRequestId.of("ftc-17");
        CaseEvents c = aCase();
        c.add(new LegalHoldPlaced(c.caseId, bka, "casebook-legal-holds")).add(new LegalHoldPlaced(c.caseId, ftc, "lex"));

        assertThat(c.document().holds()).containsExactly(
                new CaseView.Hold(bka, "casebook-legal-holds", T0.plusSeconds(60)),
                new CaseView.Hold(ftc, "lex", T0.plusSeconds(120)));
        c.add(new LegalHoldReleased(c.caseId, bka, "lex"));
        assertThat(c.document().holds()).extracting(CaseView.Hold::requestId).containsExactly(ftc);
        assertThat(c.document().toView().holds()).hasSize(1);
    }

    @Test
    void anErasedCaseKeepsItsFactsAndLosesEveryPersonalValue() {
        CaseEvents c = aCase().flag("f-1", "0.9", null, devices("dev-a1")).note("ana", "same device as shop-2")
                .assigned("ana", null);
        c.add(new EvidenceAdded(c.caseId, new Evidence(EvidenceId.random(), EvidenceKind.SCREENSHOT,
                "s3://evidence/shop-1.png", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "ana",
                "the chat")));
        c.add(new EntityLinked(c.caseId, new LinkedEntity(EntityKind.DEVICE, "dev-77", "ana", "seen twice")));
        c.add(new EntityLinked(c.caseId, new LinkedEntity(EntityKind.DEVICE, "dev-78", "ana", null)));
        c.add(new PersonalDataErased(c.caseId, "erasure-1", "priya"));

        CaseDocument doc = c.document();

        assertThat(doc.erasedAt()).isEqualTo(T0.plusSeconds(60 * 7)); // the eighth event
        assertThat(doc.subject().id()).isEqualTo(PersonalData.ERASED);
        assertThat(doc.signals()).isEqualTo(Signals.NONE);
        assertThat(doc.notes()).extracting(CaseView.Note::text).containsExactly(PersonalData.ERASED);
        assertThat(doc.notes()).extracting(CaseView.Note::author).containsExactly("ana");
        assertThat(doc.evidence()).singleElement().satisfies(e -> {
            assertThat(e.reference()).isEqualTo(PersonalData.ERASED);
            assertThat(e.note()).isEqualTo(PersonalData.ERASED);
            assertThat(e.sha256()).startsWith("9f86");
        });
        assertThat(doc.links()).extracting(LinkedEntity::value).containsExactly(PersonalData.ERASED);
        assertThat(doc.flagCount()).isEqualTo(1);
        assertThat(doc.assignee()).isEqualTo("ana");
        assertThat(doc.status()).isEqualTo(CaseStatus.IN_REVIEW);
    }
}
