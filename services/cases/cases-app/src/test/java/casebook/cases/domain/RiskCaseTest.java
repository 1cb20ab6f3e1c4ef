package casebook.cases.domain;

import casebook.cases.api.*;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.api.regulatory.RegulatoryRequestStatus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;


class RiskCaseTest {
    static final CaseId CASE = CaseId.of("5f0c1c1e-8a53-4c1a-9d57-8c0f2a7f6b11");
    static final Region SEA = new Region("SEA");
    static final SubjectRef SHOP = new SubjectRef(SubjectKind.SELLER, "shop-118822");
    /** Hours to first assignment 1/4/24/72 by priority; to decision ten times as long. */
    static final SlaPolicy SLA = (stage, region, priority) -> Duration.ofHours(switch (priority) {
        case P1 -> 1;
        case P2 -> 4;
        case P3 -> 24;
        case P4 -> 72;
    } * (stage == SlaStage.DECISION ? 10L : 1L));
    static final Actor ANA_SEA = new Actor("ana.sea", Set.of(Role.ANALYST), RegionScope.of(Set.of(SEA)));
    static final Actor BEN_SEA = new Actor("ben.sea", Set.of(Role.ANALYST), RegionScope.of(Set.of(SEA)));
    static final Actor LEE_SEA = new Actor("lee.sea", Set.of(Role.LEAD, Role.ANALYST), RegionScope.of(Set.of(SEA)));
    static final Actor ANA_US = new Actor("ana.us", Set.of(Role.ANALYST), RegionScope.of(Set.of(new Region("US"))));
    static final Actor AUDREY = new Actor("audrey", Set.of(Role.AUDITOR), RegionScope.ALL);

    AggregateTestFixture<RiskCase> fixture;
    Instant now;

    @BeforeEach
    void setUp() {
        fixture = RiskCaseFixtures.fixture();
        now = fixture.currentTime();
    }

    static Flag flag(String id, String score, String money) {
        return new Flag(new FlagId(id), new FlagSource(FlagSource.Kind.MODEL, "brushing-detector", "3.2.0"), SHOP, SEA,
                RiskCategory.BRUSHING, new BigDecimal(score), null,
                money == null ? null : new Money(new BigDecimal(money), "USD"),
                new Signals(List.of("dev-a1"), List.of("203.0.113.7"), List.of(), List.of()), Instant.parse("2026-11-20T08:15:00Z"));
    }

    CaseOpened opened(Priority priority) {
        return opened(now, priority);
    }

    /** The SEA seller's brushing case opened at {@code at}, with the deadlines of {@link #SLA}. */
    static CaseOpened opened(Instant at, Priority priority) {
        return new CaseOpened(CASE, SHOP, SEA, RiskCategory.BRUSHING, priority,
                at.plus(SLA.target(SlaStage.FIRST_ASSIGNMENT, SEA, priority)),
                at.plus(SLA.target(SlaStage.DECISION, SEA, priority)));
    }

    @Test
    void aFirstFlagOpensACaseWithPriorityAndSlaFromTheRegionPolicy() {
        // score 0.91 -> 3 points, brushing on a seller -> 1, 1520 USD -> 1: 5 points = P2
        Flag first = flag("f-1", "0.91", "1520.00");
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE, first))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(Priority.P2), new FlagAttached(CASE, first));
    }

    @Test
    void everyEventOfTheCaseCarriesItsRegion() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE, flag("f-1", "0.4", null)))
                .expectEventsMatching(allStampedWithRegion("SEA"));
        fixture.given(opened(Priority.P4), new FlagAttached(CASE, flag("f-1", "0.3", null)))
                .when(new AttachFlag(CASE, flag("f-2", "0.95", "25000.00")))
                .expectEventsMatching(allStampedWithRegion("SEA"));
    }

    static Matcher<List<EventMessage<?>>> allStampedWithRegion(String region) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return !events.isEmpty()
                        && events.stream().allMatch(e -> region.equals(e.getMetaData().get(RiskCase.REGION)));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events all carrying metadata region=" + region);
            }
        };
    }

    @Test
    void aLaterFlagJoinsTheCase() {
        Flag second = flag("f-2", "0.3", null);
        fixture.given(opened(Priority.P3), new FlagAttached(CASE, flag("f-1", "0.6", null)))
                .when(new AttachFlag(CASE, second))
                .expectEvents(new FlagAttached(CASE, second));
    }

    @Test
    void aFlagThatMakesTheCaseMoreUrgentRaisesItsPriorityAndTightensItsSla() {
        Flag severe = flag("f-2", "0.95", "25000.00");
        fixture.given(opened(Priority.P4), new FlagAttached(CASE, flag("f-1", "0.3", null)))
                .when(new AttachFlag(CASE, severe))
                .expectEvents(new FlagAttached(CASE, severe),
                        new PriorityRaised(CASE, Priority.P4, Priority.P1, now.plus(Duration.ofHours(1)),
                                now.plus(Duration.ofHours(10))));
    }

    @Test
    void theSameFlagTwiceTakesEffectOnce() {
        Flag first = flag("f-1", "0.6", null);
        fixture.given(opened(Priority.P3), new FlagAttached(CASE, first))
                .when(new AttachFlag(CASE, first))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFlagAboutAnotherSubjectCannotJoinTheCase() {
        Flag other = new Flag(new FlagId("f-9"), new FlagSource(FlagSource.Kind.RULE, "r", "1"),
                new SubjectRef(SubjectKind.SELLER, "shop-other"), SEA, RiskCategory.BRUSHING, BigDecimal.ONE, null, null,
                null, now);
        fixture.given(opened(Priority.P3))
                .when(new AttachFlag(CASE, other))
                .expectNoEvents()
                .expectException(BrokenRule.code("flag-subject-mismatch"));
    }

    @Test
    void anAnalystTakesAnOpenCaseOfTheirRegion() {
        fixture.given(opened(Priority.P3))
                .when(new AssignCase(CASE, "ana.sea", ANA_SEA, null))
                .expectEvents(new CaseAssigned(CASE, "ana.sea", null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void anAnalystCannotAssignSomeoneElse() {
        fixture.given(opened(Priority.P3))
                .when(new AssignCase(CASE, "ben.sea", ANA_SEA, null))
                .expectNoEvents()
                .expectException(BrokenRule.code("analyst-may-assign-only-self"));
    }

    @Test
    void aLeadReassignsACase() {
        fixture.given(opened(Priority.P3), new CaseAssigned(CASE, "ana.sea", null))
                .when(new AssignCase(CASE, "ben.sea", LEE_SEA, null))
                .expectEvents(new CaseAssigned(CASE, "ben.sea", "ana.sea"));
    }

    @Test
    void assigningTheCurrentAssigneeAgainChangesNothing() {
        fixture.given(opened(Priority.P3), new CaseAssigned(CASE, "ana.sea", null))
                .when(new AssignCase(CASE, "ana.sea", ANA_SEA, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCaseOfAnotherRegionIsNotFoundForTheCaller() {
        fixture.given(opened(Priority.P3))
                .when(new AssignCase(CASE, "ana.us", ANA_US, null))
                .expectNoEvents()
                .expectException(CaseNotFound.class);
    }

    @Test
    void auditorsReadButNeverWrite() {
        fixture.given(opened(Priority.P3))
                .when(new AddNote(CASE, NoteId.random(), "looks fine", AUDREY, null))
                .expectNoEvents()
                .expectException(ActionNotPermitted.class);
    }

    @Test
    void aStaleVersionIsRefused() {
        fixture.given(opened(Priority.P3), new FlagAttached(CASE, flag("f-1", "0.6", null)))
                .when(new AssignCase(CASE, "ana.sea", ANA_SEA, 0L))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }

    @Test
    void theAssigneeReleasesTheCaseBackToTheQueue() {
        fixture.given(opened(Priority.P3), new CaseAssigned(CASE, "ana.sea", null))
                .when(new UnassignCase(CASE, ANA_SEA, null))
                .expectEvents(new CaseUnassigned(CASE, "ana.sea"));
    }

    @Test
    void anotherAnalystCannotReleaseSomeoneElsesCase() {
        fixture.given(opened(Priority.P3), new CaseAssigned(CASE, "ana.sea", null))
                .when(new UnassignCase(CASE, BEN_SEA, null))
                .expectNoEvents()
                .expectException(BrokenRule.code("analyst-may-assign-only-self"));
    }

    @Test
    void anUnassignedCaseCannotBeReleased() {
        fixture.given(opened(Priority.P3))
                .when(new UnassignCase(CASE, LEE_SEA, null))
                .expectNoEvents()
                .expectException(BrokenRule.code("case-status"));
    }

    @Test
    void anAnalystWritesANote() {
        NoteId note = NoteId.random();
        fixture.given(opened(Priority.P3))
                .when(new AddNote(CASE, note, "  same device as shop-2231 ", ANA_SEA, null))
                .expectEvents(new NoteAdded(CASE, note, "ana.sea", "same device as shop-2231"));
    }

    @Test
    void anEmptyNoteIsRefused() {
        fixture.given(opened(Priority.P3))
                .when(new AddNote(CASE, NoteId.random(), "   ", ANA_SEA, null))
                .expectNoEvents()
                .expectException(BrokenRule.code("note-text"));
    }

    /** Commands on a case in review, each otherwise able to go through or to fail for a reason of its own. */
    static List<Object> everyWriteBy(Actor actor) {
        return List.of(new AssignCase(CASE, actor.userId(), actor, null), new UnassignCase(CASE, actor, null),
                new AddNote(CASE, NoteId.random(), "seen before", actor, null),
                new AddEvidence(CASE, EvidenceId.random(), EvidenceKind.SCREENSHOT, "s3://evidence/a.png",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", null, actor, null),
                new LinkEntity(CASE, EntityKind.DEVICE, "dev-77", null, actor, null),
                new UnlinkEntity(CASE, EntityKind.DEVICE, "dev-a1", "typo", actor, null),
                new EscalateCase(CASE, "a ring", actor, null), new DeescalateCase(CASE, "handled", actor, null),
                new ProposeDecision(CASE, DecisionId.random(), Verdict.NO_VIOLATION, List.of(), "all fine", List.of(),
                        DismissalLabel.FALSE_POSITIVE, actor, null),
                new ApproveDecision(CASE, actor, null), new SendBackDecision(CASE, "more evidence", actor, null),
                new CloseCase(CASE, ResolutionCode.SUBJECT_GONE, null, actor, null),
                new ReopenCase(CASE, "new evidence", actor, null),
                new RetryEnforcement(CASE, ActionId.of("7d1e2a3b-4c5d-3e6f-8a9b-0c1d2e3f4a5b"), actor, null),
                new FileAppeal(CASE, AppealId.of("ap-1"), DecisionId.random(), "I did nothing wrong", List.of(),
                        AppealChannel.SUPPORT, actor, null),
                new DecideAppeal(CASE, AppealId.of("ap-1"), List.of(), "upheld", actor, null),
                new PlaceLegalHold(CASE, RegulatoryRequestId.of("bka-1"), RegulatoryRequestStatus.ACCEPTED, actor),
                new ReleaseLegalHold(CASE, RegulatoryRequestId.of("bka-1"), actor),
                new ErasePersonalData(CASE, "erasure-1", actor));
    }

    Object[] inReview() {
        return new Object[] {opened(Priority.P3), new FlagAttached(CASE, flag("f-1", "0.6", null)),
                new EntityLinked(CASE, new LinkedEntity(EntityKind.DEVICE, "dev-a1", "ana.sea", null)),
                new CaseEscalated(CASE, "a ring", "ana.sea"), new CaseAssigned(CASE, "ana.sea", null)};
    }

    /** Invariant 10: whatever the command, a case of another region answers like an unknown one. */
    @Test
    void aCaseOfAnotherRegionIsUnknownToEveryCommand() {
        for (Object command : everyWriteBy(ANA_US)) {
            fixture.given(inReview()).when(command).expectException(CaseNotFound.class).expectNoEvents();
        }
        Actor leadUs = new Actor("lee.us", Set.of(Role.LEAD, Role.ANALYST), RegionScope.of(Set.of(new Region("US"))));
        for (Object command : everyWriteBy(leadUs)) {
            fixture.given(inReview()).when(command).expectException(CaseNotFound.class).expectNoEvents();
        }
    }

    /** An auditor reads everything and writes nothing; only leads de-escalate, approve, send back and retry. */
    @Test
    void eachCommandNeedsItsRoles() {
        for (Object command : everyWriteBy(AUDREY)) {
            fixture.given(inReview()).when(command).expectException(ActionNotPermitted.class).expectNoEvents();
        }
        for (Object command : List.of(new DeescalateCase(CASE, "handled", ANA_SEA, null),
                new ApproveDecision(CASE, ANA_SEA, null), new SendBackDecision(CASE, "more evidence", ANA_SEA, null),
                new RetryEnforcement(CASE, ActionId.of("7d1e2a3b-4c5d-3e6f-8a9b-0c1d2e3f4a5b"), ANA_SEA, null),
                new CloseCase(CASE, ResolutionCode.SUBJECT_GONE, null, ANA_SEA, null))) {
            fixture.given(inReview()).when(command).expectException(ActionNotPermitted.class).expectNoEvents();
        }
    }

    /** The REST API answers a write with the case's new version (its next {@code If-Match}). */
    @Test
    void aCommandAnswersTheCasesNewVersion() {
        Object[] given = inReview();
        fixture.given(given).when(new AddNote(CASE, NoteId.random(), "seen before", ANA_SEA, null))
                .expectResultMessagePayload((long) given.length);
        fixture.given(given).when(new UnassignCase(CASE, ANA_SEA, null)).expectResultMessagePayload((long) given.length);
        fixture.given(given).when(new AssignCase(CASE, "ben.sea", LEE_SEA, null))
                .expectResultMessagePayload((long) given.length);
        fixture.given(given).when(new AssignCase(CASE, "ana.sea", ANA_SEA, null))
                .expectNoEvents().expectResultMessagePayload((long) given.length - 1);
    }

    /** Each refusal names its rule; the text rules count characters up to their limit, inclusive. */
    @Test
    void aNoteNeedsTextOfAtMostItsLimit() {
        fixture.given(inReview()).when(new AddNote(CASE, NoteId.random(), " ", ANA_SEA, null))
                .expectException(BrokenRule.code("note-text")).expectNoEvents();
        fixture.given(inReview()).when(new AddNote(CASE, NoteId.random(), null, ANA_SEA, null))
                .expectException(BrokenRule.code("note-text")).expectNoEvents();
        fixture.given(inReview()).when(new AddNote(CASE, NoteId.random(), "n".repeat(AddNote.MAX_TEXT_LENGTH + 1),
                ANA_SEA, null)).expectException(BrokenRule.code("note-text")).expectNoEvents();
        NoteId longest = NoteId.random();
        fixture.given(inReview()).when(new AddNote(CASE, longest, "n".repeat(AddNote.MAX_TEXT_LENGTH), ANA_SEA, null))
                .expectEvents(new NoteAdded(CASE, longest, "ana.sea", "n".repeat(AddNote.MAX_TEXT_LENGTH)));
    }

    @Test
    void aFlagAnswersTheCasesVersionAndOnlyOpenOrInReviewCasesAreAssigned() {
        Flag second = flag("f-2", "0.3", null);
        fixture.given(opened(Priority.P3), new FlagAttached(CASE, flag("f-1", "0.6", null)))
                .when(new AttachFlag(CASE, second)).expectResultMessagePayload(2L);
        fixture.given(opened(Priority.P3), new FlagAttached(CASE, second))
                .when(new AttachFlag(CASE, second)).expectNoEvents().expectResultMessagePayload(1L);
        fixture.given(opened(Priority.P3), new FlagAttached(CASE, second),
                        new CaseClosed(CASE, ResolutionCode.SUBJECT_GONE, null, "lee.sea"))
                .when(new AssignCase(CASE, "ana.sea", ANA_SEA, null))
                .expectException(BrokenRule.code("case-status")).expectNoEvents();
    }
}
