package casebook.cases.domain;

import casebook.cases.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static casebook.cases.domain.RiskCaseTest.*;

/**
 * SLA deadlines: scheduled when a case opens (and earlier ones when its priority rises); a deadline that passes
 * with its stage unmet records the breach once, raises the priority one step and escalates to the lead.
 */
class RiskCaseSlaTest {
    AggregateTestFixture<RiskCase> fixture;
    Instant now;

    @BeforeEach
    void setUp() {
        fixture = RiskCaseFixtures.fixture();
        now = fixture.currentTime();
    }

    @Test
    void openingACaseSchedulesItsFirstAssignmentDeadlineAndTheFirstAssignmentItsDecisionDeadline() {
        // score 0.91, brushing on a seller, 1520 USD: P2 -> 4 h to assign, 40 h to decide
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE, flag("f-1", "0.91", "1520.00")))
                .expectScheduledDeadline(Duration.ofHours(4),
                        new SlaDeadline(SlaStage.FIRST_ASSIGNMENT, now.plus(Duration.ofHours(4))))
                .expectNoScheduledDeadline(Duration.ofHours(40),
                        new SlaDeadline(SlaStage.DECISION, now.plus(Duration.ofHours(40))));
        fixture.givenCommands(new OpenCase(CASE, flag("f-1", "0.91", "1520.00")))
                .when(new AssignCase(CASE, "ana.sea", ANA_SEA, null))
                .expectScheduledDeadline(Duration.ofHours(40),
                        new SlaDeadline(SlaStage.DECISION, now.plus(Duration.ofHours(40))));
    }

    /** Opened now with one flag of score 0.6 on a seller's brushing: P3, 24 h to assign, 240 h to decide. */
    static OpenCase openP3() {
        return new OpenCase(CASE, flag("f-1", "0.6", null));
    }

    @Test
    void aMissedFirstAssignmentIsRecordedRaisesThePriorityAndEscalates() {
        Instant assignBy = now.plus(Duration.ofHours(24));
        fixture.givenCommands(openP3())
                .whenThenTimeElapses(Duration.ofHours(24).plusMinutes(1))
                .expectTriggeredDeadlinesWithName(SlaDeadline.NAME)
                .expectEvents(new SlaBreached(CASE, SlaStage.FIRST_ASSIGNMENT, assignBy),
                        new PriorityRaised(CASE, Priority.P3, Priority.P2, assignBy, now.plus(Duration.ofHours(240))),
                        new CaseEscalated(CASE, "SLA breached: not assigned by " + assignBy, SlaDeadline.ACTOR));
    }

    @Test
    void anAssignedCaseMissesNoFirstAssignmentButCanMissItsDecision() {
        fixture.givenCommands(openP3(), new AssignCase(CASE, "ana.sea", ANA_SEA, null))
                .whenThenTimeElapses(Duration.ofHours(25))
                .expectNoEvents();
        now = fixture.currentTime(); // the fixture's clock moved on
        Instant decideBy = now.plus(Duration.ofHours(240));
        fixture.givenCommands(openP3(), new AssignCase(CASE, "ana.sea", ANA_SEA, null),
                        new EscalateCase(CASE, "ring", ANA_SEA, null))
                .whenThenTimeElapses(Duration.ofHours(241))
                .expectEvents(new SlaBreached(CASE, SlaStage.DECISION, decideBy),
                        new PriorityRaised(CASE, Priority.P3, Priority.P2, now.plus(Duration.ofHours(24)), decideBy));
    }

    @Test
    void aReleasedCaseWasStillAssignedOnceAndADecidedOneMissesNothing() {
        fixture.givenCommands(openP3(), new AssignCase(CASE, "ana.sea", ANA_SEA, null),
                        new UnassignCase(CASE, ANA_SEA, null))
                .whenThenTimeElapses(Duration.ofHours(25))
                .expectNoEvents();
        fixture.givenCommands(openP3(), new AssignCase(CASE, "ana.sea", ANA_SEA, null),
                        new ProposeDecision(CASE, DecisionId.random(), Verdict.NO_VIOLATION, java.util.List.of(),
                                "nothing there", java.util.List.of(), DismissalLabel.FALSE_POSITIVE, ANA_SEA, null))
                .whenThenTimeElapses(Duration.ofHours(241))
                .expectNoEvents();
    }

    @Test
    void aRaisedPrioritySchedulesEarlierDeadlines() {
        Flag severe = flag("f-2", "0.95", "25000.00");
        fixture.given(RiskCaseTest.opened(now, Priority.P4), new FlagAttached(CASE, flag("f-1", "0.3", null)))
                .when(new AttachFlag(CASE, severe))
                .expectScheduledDeadline(Duration.ofHours(1),
                        new SlaDeadline(SlaStage.FIRST_ASSIGNMENT, now.plus(Duration.ofHours(1))));
    }

    @Test
    void eachStageIsBreachedOnceWhateverDeadlinesWereScheduledForIt() {
        // a P4 case (72 h / 720 h) that a severe flag makes P1 (1 h / 10 h), and nobody takes
        fixture.givenCommands(new OpenCase(CASE, flag("f-1", "0.3", null)),
                        new AttachFlag(CASE, flag("f-2", "0.95", "25000.00")))
                .whenThenTimeElapses(Duration.ofHours(73))
                .expectEvents(new SlaBreached(CASE, SlaStage.FIRST_ASSIGNMENT, now.plus(Duration.ofHours(1))),
                        new CaseEscalated(CASE, "SLA breached: not assigned by " + now.plus(Duration.ofHours(1)),
                                SlaDeadline.ACTOR),
                        new SlaBreached(CASE, SlaStage.DECISION, now.plus(Duration.ofHours(10))));
    }

    /** On an assigned case the decision deadline moves earlier too, and is scheduled at its new time. */
    @Test
    void aRaisedPriorityOnAnAssignedCaseSchedulesAnEarlierDecisionDeadline() {
        Flag severe = flag("f-2", "0.95", "25000.00");
        fixture.given(RiskCaseTest.opened(now, Priority.P3), new FlagAttached(CASE, flag("f-1", "0.6", null)),
                        new CaseAssigned(CASE, "ana.sea", null))
                .when(new AttachFlag(CASE, severe))
                .expectEvents(new FlagAttached(CASE, severe), new PriorityRaised(CASE, Priority.P3, Priority.P1,
                        now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(10))))
                .expectScheduledDeadline(Duration.ofHours(10),
                        new SlaDeadline(SlaStage.DECISION, now.plus(Duration.ofHours(10))));
    }

    /** A case opened before decision deadlines existed (decisionDueAt null, docs/events.md) gets one when raised. */
    @Test
    void aCaseOpenedWithoutADecisionDeadlineGetsOneWhenItsPriorityRises() {
        Flag severe = flag("f-2", "0.95", "25000.00");
        fixture.given(new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, Priority.P3, now.plus(Duration.ofHours(24)),
                                null), new FlagAttached(CASE, flag("f-1", "0.6", null)),
                        new CaseAssigned(CASE, "ana.sea", null))
                .when(new AttachFlag(CASE, severe))
                .expectEvents(new FlagAttached(CASE, severe), new PriorityRaised(CASE, Priority.P3, Priority.P1,
                        now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(10))))
                .expectScheduledDeadline(Duration.ofHours(10),
                        new SlaDeadline(SlaStage.DECISION, now.plus(Duration.ofHours(10))));
    }
}
