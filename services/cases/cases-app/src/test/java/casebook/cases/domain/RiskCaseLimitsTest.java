package casebook.cases.domain;

import casebook.cases.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static casebook.cases.domain.RiskCaseDecisionTest.DECISION;
import static casebook.cases.domain.RiskCaseDecisionTest.POLICY;
import static casebook.cases.domain.RiskCaseDecisionTest.THRESHOLD_5000_USD;
import static casebook.cases.domain.RiskCaseDecisionTest.proposed;
import static casebook.cases.domain.RiskCaseTest.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits where the data is born: no event of a case grows without bound (notes, action parameters, merges), and four
 * eyes compares the money at risk in every currency the case has seen. Each refusal names its rule.
 */
class RiskCaseLimitsTest {
    AggregateTestFixture<RiskCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = RiskCaseFixtures.fixture();
    }

    private CaseOpened opened() {
        return new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2, fixture.currentTime().plusSeconds(3600),
                null);
    }

    private static Flag flagIn(String id, String amount, String currency) {
        Flag usd = flag(id, "0.4", amount);
        return new Flag(usd.flagId(), usd.source(), usd.subject(), usd.region(), usd.category(), usd.score(), null,
                new Money(new BigDecimal(amount), currency), usd.signals(), usd.observedAt());
    }

    private static ProposeDecision warnWith(Map<String, String> parameters) {
        return new ProposeDecision(CASE, DECISION, Verdict.VIOLATION, POLICY, "14 fake orders from one device",
                List.of(new PlannedAction(EnforcementAction.WARN, parameters)), null, ANA_SEA, null);
    }

    private static ProposeDecision warn() {
        return warnWith(Map.of());
    }

    @Test
    void aCaseHoldsAtMostAThousandNotes() {
        List<Object> history = new ArrayList<>(List.of(opened(), new FlagAttached(CASE, flag("f-1", "0.9", null))));
        for (int i = 0; i < AddNote.MAX_PER_CASE; i++) {
            history.add(new NoteAdded(CASE, NoteId.random(), "ana.sea", "note " + i));
        }
        fixture.given(history)
                .when(new AddNote(CASE, NoteId.random(), "one more", ANA_SEA, null))
                .expectNoEvents()
                .expectException(brokenRule("too-many-notes"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most 1000 notes"));
    }

    @Test
    void theThousandthNoteIsStillTaken() {
        List<Object> history = new ArrayList<>(List.of(opened()));
        for (int i = 0; i < AddNote.MAX_PER_CASE - 1; i++) {
            history.add(new NoteAdded(CASE, NoteId.random(), "ana.sea", "note " + i));
        }
        fixture.given(history)
                .when(new AddNote(CASE, NoteId.of("3d1e0f7a-4b6c-4f5e-8a9b-0c1d2e3f4a5b"), "the last one", ANA_SEA, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NoteAdded(CASE, NoteId.of("3d1e0f7a-4b6c-4f5e-8a9b-0c1d2e3f4a5b"), "ana.sea",
                        "the last one"));
    }

    @Test
    void anActionParameterValueHasAtMostTwoHundredCharacters() {
        refused(warnWith(Map.of("days", "3".repeat(PlannedAction.MAX_PARAMETER_VALUE_LENGTH + 1))), "action-parameter-invalid");
        refused(warnWith(Map.of("days", "3".repeat(300_000))), "action-parameter-invalid");
    }

    @Test
    void anActionParameterHasNoControlCharactersAndAShortName() {
        refused(warnWith(Map.of("days", "3\u0000")), "action-parameter-invalid");
        refused(warnWith(Map.of("da\u0007ys", "3")), "action-parameter-invalid");
        refused(warnWith(Map.of("d".repeat(PlannedAction.MAX_PARAMETER_NAME_LENGTH + 1), "3")), "action-parameter-invalid");
        refused(warnWith(Map.of(" ", "3")), "action-parameter-invalid");
    }

    @Test
    void anActionParameterAtItsLimitsIsTaken() {
        ProposeDecision atLimits = warnWith(Map.of("d".repeat(PlannedAction.MAX_PARAMETER_NAME_LENGTH),
                "3".repeat(PlannedAction.MAX_PARAMETER_VALUE_LENGTH)));
        givenAssigned(List.of(flag("f-1", "0.9", "10.00"))).when(atLimits)
                .expectSuccessfulHandlerExecution()
                .expectState(c -> assertThat(c).extracting("status").isEqualTo(CaseStatus.DECIDED));
    }

    @Test
    void aPolicyReferenceHasNoControlCharacters() {
        ProposeDecision bell = new ProposeDecision(CASE, DECISION, Verdict.VIOLATION, List.of("SELLER-4.2\u0007"),
                "14 fake orders", List.of(new PlannedAction(EnforcementAction.WARN, Map.of())), null, ANA_SEA, null);
        refused(bell, "decision-invalid");
    }

    @Test
    void moneyAtRiskInASecondCurrencyStillCountsForFourEyes() {
        // the first flag fixes nothing any more: 9,000 EUR after 10 USD is more than a USD threshold can judge
        givenAssigned(List.of(flag("f-1", "0.4", "10.00"), flagIn("f-2", "9000.00", "EUR")))
                .when(warn())
                .expectEvents(proposed(warn(), true));
    }

    @Test
    void moneyAtRiskOverTheThresholdInItsCurrencyCountsEvenAfterAnotherCurrency() {
        givenAssigned(List.of(flagIn("f-1", "1.00", "EUR"), flag("f-2", "0.4", "7000.00")))
                .when(warn())
                .expectEvents(proposed(warn(), true));
    }

    @Test
    void moneyAtRiskOnlyInTheThresholdsCurrencyAndBelowItNeedsNoApproval() {
        givenAssigned(List.of(flag("f-1", "0.4", "10.00"), flag("f-2", "0.4", "4999.99")))
                .when(warn())
                .expectState(c -> assertThat(c).extracting("status").isEqualTo(CaseStatus.DECIDED));
    }

    @Test
    void withoutAThresholdOnlySevereActionsNeedApproval() {
        AggregateTestFixture<RiskCase> noThreshold = RiskCaseFixtures.fixture(region -> Optional.empty());
        noThreshold.given(opened(), new FlagAttached(CASE, flagIn("f-1", "900000.00", "EUR")),
                        new CaseAssigned(CASE, "ana.sea", null))
                .when(warn())
                .expectState(c -> assertThat(c).extracting("status").isEqualTo(CaseStatus.DECIDED));
    }

    @Test
    void fourEyesComparesEveryCurrency() {
        Optional<Money> usd5000 = Optional.of(new Money(new BigDecimal("5000"), "USD"));
        List<PlannedAction> warn = List.of(new PlannedAction(EnforcementAction.WARN, Map.of()));
        assertThat(FourEyes.required(warn, List.of(), usd5000)).isFalse();
        assertThat(FourEyes.required(warn, List.of(new Money(new BigDecimal("5000"), "USD")), usd5000)).isFalse();
        assertThat(FourEyes.required(warn, List.of(new Money(new BigDecimal("5000.01"), "USD")), usd5000)).isTrue();
        assertThat(FourEyes.required(warn, List.of(new Money(new BigDecimal("1"), "USD"),
                new Money(new BigDecimal("1"), "SGD")), usd5000)).isTrue();
        assertThat(FourEyes.required(warn, List.of(new Money(new BigDecimal("1"), "SGD")), Optional.empty())).isFalse();
    }

    private org.axonframework.test.aggregate.TestExecutor<RiskCase> givenAssigned(List<Flag> flags) {
        List<Object> history = new ArrayList<>(List.of(opened()));
        flags.forEach(f -> history.add(new FlagAttached(CASE, f)));
        history.add(new CaseAssigned(CASE, "ana.sea", null));
        return fixture.given(history);
    }

    private void refused(ProposeDecision proposal, String code) {
        givenAssigned(List.of(flag("f-1", "0.9", "10.00"))).when(proposal)
                .expectNoEvents()
                .expectException(brokenRule(code));
    }

    /** A {@link CaseRuleBroken} of the given rule, and no other. */
    static Matcher<CaseRuleBroken> brokenRule(String code) {
        return new CustomTypeSafeMatcher<>("the rule " + code + " broken") {
            @Override
            protected boolean matchesSafely(CaseRuleBroken broken) {
                return code.equals(broken.code());
            }
        };
    }
}
