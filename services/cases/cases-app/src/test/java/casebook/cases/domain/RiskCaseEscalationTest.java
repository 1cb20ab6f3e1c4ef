package casebook.cases.domain;

import casebook.cases.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static casebook.cases.domain.RiskCaseTest.*;

/** Escalation to the region's lead, with a reason; only a lead takes it back. */
class RiskCaseEscalationTest {
    AggregateTestFixture<RiskCase> fixture;
    CaseOpened opened;

    @BeforeEach
    void setUp() {
        fixture = RiskCaseFixtures.fixture();
        opened = new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P2, fixture.currentTime(), null);
    }

    @Test
    void anAnalystEscalatesWithAReasonOnce() {
        fixture.given(opened).when(new EscalateCase(CASE, " 30 linked shops ", ANA_SEA, null))
                .expectEvents(new CaseEscalated(CASE, "30 linked shops", "ana.sea"));
        fixture.given(opened, new CaseEscalated(CASE, "ring", "ana.sea"))
                .when(new EscalateCase(CASE, "again", BEN_SEA, null))
                .expectException(BrokenRule.code("already-escalated")).expectNoEvents();
        fixture.given(opened).when(new EscalateCase(CASE, " ", ANA_SEA, null))
                .expectException(BrokenRule.code("escalation-reason")).expectNoEvents();
        fixture.given(opened).when(new EscalateCase(CASE, "ring", ANA_US, null))
                .expectException(CaseNotFound.class).expectNoEvents();
        fixture.given(opened).when(new EscalateCase(CASE, "ring", AUDREY, null))
                .expectException(ActionNotPermitted.class).expectNoEvents();
    }

    @Test
    void onlyALeadDeescalates() {
        fixture.given(opened, new CaseEscalated(CASE, "ring", "ana.sea"))
                .when(new DeescalateCase(CASE, "handled by the ring task force", LEE_SEA, null))
                .expectEvents(new CaseDeescalated(CASE, "handled by the ring task force", "lee.sea"));
        fixture.given(opened, new CaseEscalated(CASE, "ring", "ana.sea"))
                .when(new DeescalateCase(CASE, "mine now", ANA_SEA, null))
                .expectException(ActionNotPermitted.class).expectNoEvents();
        fixture.given(opened).when(new DeescalateCase(CASE, "nothing to take back", LEE_SEA, null))
                .expectException(BrokenRule.code("not-escalated")).expectNoEvents();
    }

    /** A reason has 1-500 characters, for escalating and for taking an escalation back. */
    @Test
    void escalationReasonsHaveALimit() {
        String longest = "r".repeat(EscalateCase.MAX_REASON_LENGTH);
        fixture.given(opened).when(new EscalateCase(CASE, longest, ANA_SEA, null))
                .expectEvents(new CaseEscalated(CASE, longest, "ana.sea"));
        fixture.given(opened).when(new EscalateCase(CASE, longest + "r", ANA_SEA, null))
                .expectException(BrokenRule.code("escalation-reason")).expectNoEvents();
        fixture.given(opened, new CaseEscalated(CASE, "ring", "ana.sea"))
                .when(new DeescalateCase(CASE, " ", LEE_SEA, null))
                .expectException(BrokenRule.code("escalation-reason")).expectNoEvents();
        fixture.given(opened, new CaseEscalated(CASE, "ring", "ana.sea"))
                .when(new DeescalateCase(CASE, "handled", LEE_SEA, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void anEscalationAnswersTheCasesVersion() {
        fixture.given(opened).when(new EscalateCase(CASE, "ring", ANA_SEA, null)).expectResultMessagePayload(1L);
    }
}
