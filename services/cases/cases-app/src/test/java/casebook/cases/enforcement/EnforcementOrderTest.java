package casebook.cases.enforcement;

import casebook.cases.api.*;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How decisions, reversals and retries become orders on casebook.enforcement.v1. */
class EnforcementOrderTest {
    static final CaseId CASE = CaseId.of("5f0c1c1e-8a53-4c1a-9d57-8c0f2a7f6b11");
    static final DecisionId DECISION = DecisionId.of("0b6f5a4e-2d1c-4d7e-9a51-3c2b1a0f9e88");
    static final SubjectRef SHOP = new SubjectRef(SubjectKind.SELLER, "shop-118822");
    static final ActionId SUSPEND = ActionId.of(DECISION, 0);
    static final ActionId REVERSAL = ActionId.reversalOf(SUSPEND);
    static final AppealId APPEAL = AppealId.of("centre-appeal-42");
    static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    static final OrderedAction SUSPENSION = new OrderedAction(SUSPEND, EnforcementAction.SUSPEND_SELLING,
            Map.of("days", "30"));
    static final ReversalOrdered REVERSED = new ReversalOrdered(CASE, DECISION, SHOP, new OrderedAction(REVERSAL,
            EnforcementAction.SUSPEND_SELLING, Map.of("days", "30")), SUSPEND, APPEAL, List.of("P-1"), "ben.sea");

    @Test
    void aDecidedActionIsAnActionToApply() {
        CaseDecided decided = new CaseDecided(CASE, DECISION, SHOP, Verdict.VIOLATION, List.of("P-1"), "fake",
                List.of(SUSPENSION), null, "ana.sea", "lee.sea");

        EnforcementOrder order = EnforcementOrder.of(decided, SUSPENSION, "SEA", AT);

        assertThat(order).isEqualTo(new EnforcementOrder(SUSPEND.toString(), 1, EnforcementOrder.Kind.ACTION, null, null,
                CASE.toString(), DECISION.toString(), new EnforcementOrder.Subject("SELLER", "shop-118822"), "SEA",
                "SUSPEND_SELLING", Map.of("days", "30"), List.of("P-1"), "ana.sea", "lee.sea", AT));
    }

    @Test
    void aReversalNamesTheActionItUndoesAndTheAppealThatOrderedIt() {
        EnforcementOrder order = EnforcementOrder.of(REVERSED, "SEA", AT);

        assertThat(order).isEqualTo(new EnforcementOrder(REVERSAL.toString(), 1, EnforcementOrder.Kind.REVERSAL,
                SUSPEND.toString(), "centre-appeal-42", CASE.toString(), DECISION.toString(),
                new EnforcementOrder.Subject("SELLER", "shop-118822"), "SEA", "SUSPEND_SELLING", Map.of("days", "30"),
                List.of("P-1"), "ben.sea", null, AT));
    }

    @Test
    void aRetriedReversalIsAReversalAgainAndARetriedActionAnActionAgain() {
        Instant later = AT.plusSeconds(60);
        EnforcementRetried retriedReversal = new EnforcementRetried(CASE, DECISION, SHOP, REVERSED.reversal(),
                List.of("P-1"), "ana.sea", "lee.sea", 2, "lee.sea", SUSPEND);

        EnforcementOrder again = EnforcementOrder.of(retriedReversal, REVERSED, "SEA", later);

        assertThat(again).isEqualTo(new EnforcementOrder(REVERSAL.toString(), 2, EnforcementOrder.Kind.REVERSAL,
                SUSPEND.toString(), "centre-appeal-42", CASE.toString(), DECISION.toString(),
                new EnforcementOrder.Subject("SELLER", "shop-118822"), "SEA", "SUSPEND_SELLING", Map.of("days", "30"),
                List.of("P-1"), "ben.sea", null, later));
        EnforcementRetried retriedAction = new EnforcementRetried(CASE, DECISION, SHOP, SUSPENSION, List.of("P-1"),
                "ana.sea", "lee.sea", 2, "lee.sea");
        EnforcementOrder action = EnforcementOrder.of(retriedAction, null, "SEA", later);
        assertThat(action.kind()).isEqualTo(EnforcementOrder.Kind.ACTION);
        assertThat(action.reverses()).isNull();
        assertThat(action.attempt()).isEqualTo(2);
        assertThat(action.decidedBy()).isEqualTo("ana.sea");
    }

    @Test
    void aRetriedReversalWithoutItsFirstOrderIsNotGuessed() {
        EnforcementRetried retried = new EnforcementRetried(CASE, DECISION, SHOP, REVERSED.reversal(), List.of("P-1"),
                "ana.sea", "lee.sea", 2, "lee.sea", SUSPEND);
        ReversalOrdered other = new ReversalOrdered(CASE, DECISION, SHOP, new OrderedAction(ActionId.reversalOf(
                ActionId.of(DECISION, 1)), EnforcementAction.BAN, Map.of()), ActionId.of(DECISION, 1), APPEAL,
                List.of("P-1"), "ben.sea");

        assertThatThrownBy(() -> EnforcementOrder.of(retried, null, "SEA", AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnforcementOrder.of(retried, other, "SEA", AT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
