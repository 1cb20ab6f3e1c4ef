package casebook.cases.notice;

import casebook.cases.api.*;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How statements of reasons and appeal outcomes become notices to the subject. */
class SubjectNoticeTest {
    static final CaseId CASE = CaseId.of("5f0c1c1e-8a53-4c1a-9d57-8c0f2a7f6b11");
    static final DecisionId DECISION = DecisionId.of("0b6f5a4e-2d1c-4d7e-9a51-3c2b1a0f9e88");
    static final SubjectRef SHOP = new SubjectRef(SubjectKind.SELLER, "shop-118822");
    static final ActionId SUSPEND = ActionId.of(DECISION, 0);
    static final ActionId BAN = ActionId.of(DECISION, 1);
    static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void aStatementOfReasonsSaysEverythingTheDecisionRecorded() {
        Instant appealBy = AT.plusSeconds(86_400 * 183);
        StatementOfReasons statement = new StatementOfReasons(List.of(
                new Restriction(SUSPEND, EnforcementAction.SUSPEND_SELLING, "SEA", AT.plusSeconds(86_400 * 30)),
                new Restriction(BAN, EnforcementAction.BAN, "SEA", null)), DecisionGround.ILLEGAL_CONTENT,
                "Consumer Protection Act s. 12", List.of("P-1"), "fake orders", StatementOfReasons.SOURCE_OWN_INITIATIVE,
                true, StatementOfReasons.NOT_AUTOMATED, AT, appealBy, StatementOfReasons.REDRESS);

        SubjectNotice notice = SubjectNotice.of(new StatementOfReasonsIssued(CASE, DECISION, SHOP, statement), "SEA", AT);

        assertThat(notice.kind()).isEqualTo(SubjectNotice.Kind.STATEMENT_OF_REASONS);
        assertThat(notice.appealOutcome()).isNull();
        assertThat(notice.subject()).isEqualTo(new SubjectNotice.Subject("SELLER", "shop-118822"));
        assertThat(notice.statement()).isEqualTo(new SubjectNotice.Statement(List.of(
                new SubjectNotice.Restricted(SUSPEND.toString(), "SUSPEND_SELLING", "SEA", AT.plusSeconds(86_400 * 30)),
                new SubjectNotice.Restricted(BAN.toString(), "BAN", "SEA", null)), "ILLEGAL_CONTENT",
                "Consumer Protection Act s. 12", List.of("P-1"), "fake orders", "SOURCE_VOLUNTARY", true,
                "AUTOMATED_DECISION_NOT_AUTOMATED", AT, appealBy,
                List.of("INTERNAL_COMPLAINT", "OUT_OF_COURT_SETTLEMENT", "JUDICIAL")));
        // the same decision's statement is the same notice, however often it is published
        assertThat(SubjectNotice.of(new StatementOfReasonsIssued(CASE, DECISION, SHOP, statement), "SEA",
                AT.plusSeconds(5)).noticeId()).isEqualTo(notice.noticeId());
    }

    @Test
    void anAppealOutcomeGivesTheRulingOnEachActionAndTheReasons() {
        AppealDecided decided = new AppealDecided(CASE, AppealId.of("centre-appeal-42"), DECISION,
                AppealOutcome.PARTIALLY_OVERTURNED, List.of(new ActionRuling(SUSPEND, Ruling.OVERTURNED),
                new ActionRuling(BAN, Ruling.UPHELD)), "the suspension went too far", "ben.sea");

        SubjectNotice notice = SubjectNotice.of(decided, SHOP, "SEA", AT);

        assertThat(notice.kind()).isEqualTo(SubjectNotice.Kind.APPEAL_OUTCOME);
        assertThat(notice.statement()).isNull();
        assertThat(notice.decisionId()).isEqualTo(DECISION.toString());
        assertThat(notice.appealOutcome()).isEqualTo(new SubjectNotice.AppealOutcome("centre-appeal-42",
                "PARTIALLY_OVERTURNED", List.of(new SubjectNotice.Ruled(SUSPEND.toString(), "OVERTURNED"),
                new SubjectNotice.Ruled(BAN.toString(), "UPHELD")), "the suspension went too far", AT));
        assertThat(notice.noticeId()).isNotEqualTo(SubjectNotice.of(new StatementOfReasonsIssued(CASE, DECISION, SHOP,
                new StatementOfReasons(List.of(), DecisionGround.TERMS_AND_CONDITIONS, null, List.of(), "x", "s", true,
                        "n", AT, AT, List.of())), "SEA", AT).noticeId());
    }
}
