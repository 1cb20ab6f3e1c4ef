package casebook.cases.regulatory;

import casebook.cases.domain.BrokenRule;
import casebook.cases.api.Actor;
import casebook.cases.api.CaseId;
import casebook.cases.api.RegionScope;
import casebook.cases.api.Role;
import casebook.cases.api.SubjectKind;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.regulatory.*;
import casebook.cases.domain.ActionNotPermitted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Every rule of a regulatory request, each named by its code; due-date reminders and escalation on the fixture's clock. */
class RegulatoryRequestTest {
    static final RegulatoryRequestId ID = new RegulatoryRequestId("bka-2026-4471");
    static final Actor LEX = new Actor("lex", Set.of(Role.LEGAL), RegionScope.ALL);
    static final Actor LENA = new Actor("lena", Set.of(Role.LEGAL), RegionScope.ALL);
    static final Actor LEAD = new Actor("lee.sea", Set.of(Role.LEAD, Role.ANALYST), RegionScope.ALL);
    static final Authority BKA = new Authority("Bundeskriminalamt", "DE");
    static final RequestScope SCOPE = new RequestScope(List.of(new SubjectRef(SubjectKind.SELLER, "shop-118822")),
            List.of(new CaseId(UUID.fromString("0b7e4c1a-3f7d-4a55-9a3e-2c1d0e9f8a7b"))));
    static final DocumentRef ORDER = new DocumentRef("s3://casebook-legal/bka-2026-4471/order.pdf", "a".repeat(64));
    static final Duration FOURTEEN_DAYS = Duration.ofDays(14);

    AggregateTestFixture<RegulatoryRequest> fixture;
    Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RegulatoryRequest.class);
        fixture.registerInjectableResource(new RegulatoryProperties(Duration.ofDays(3)));
        now = fixture.currentTime();
    }

    ReceiveRegulatoryRequest receive() {
        return receive(SCOPE, List.of(ORDER), now.minus(Duration.ofHours(2)), now.plus(FOURTEEN_DAYS));
    }

    ReceiveRegulatoryRequest receive(RequestScope scope, List<DocumentRef> documents, Instant receivedAt,
                                     Instant dueAt) {
        return new ReceiveRegulatoryRequest(ID, BKA, "§ 100g StPO", RequestKind.PRESERVATION_ORDER,
                "BKA-SO41-2026-4471", receivedAt, dueAt, scope, documents, LEX);
    }

    RegulatoryRequestReceived received() {
        ReceiveRegulatoryRequest c = receive();
        return new RegulatoryRequestReceived(ID, BKA, "§ 100g StPO", RequestKind.PRESERVATION_ORDER,
                "BKA-SO41-2026-4471", c.receivedAt(), c.dueAt(), SCOPE, List.of(ORDER), "lex");
    }

    // ---- receiving

    @Test
    void legalRecordsARequestWithEverythingItSaysAndItsDueDatesAreScheduled() {
        Instant dueAt = now.plus(FOURTEEN_DAYS);
        fixture.givenNoPriorActivity()
                .when(receive())
                .expectEvents(received())
                .expectScheduledDeadline(Duration.ofDays(11), new DueDate(DueDate.Stage.REMINDER, dueAt))
                .expectScheduledDeadline(FOURTEEN_DAYS, new DueDate(DueDate.Stage.OVERDUE, dueAt));
    }

    @Test
    void onlyLegalRecordsARequest() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveRegulatoryRequest(ID, BKA, "basis", RequestKind.OTHER, "ref", now, now.plus(FOURTEEN_DAYS),
                        SCOPE, List.of(), LEAD))
                .expectNoEvents().expectException(ActionNotPermitted.class);
    }

    @Test
    void aRequestNamesItsAuthority() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveRegulatoryRequest(ID, new Authority(" ", "DE"), "basis", RequestKind.OTHER, "ref", now,
                        now.plus(FOURTEEN_DAYS), SCOPE, List.of(), LEX))
                .expectNoEvents().expectException(BrokenRule.code("authority-required"));
        fixture.givenNoPriorActivity()
                .when(new ReceiveRegulatoryRequest(ID, new Authority("BKA", "D\u0007E"), "basis", RequestKind.OTHER,
                        "ref", now, now.plus(FOURTEEN_DAYS), SCOPE, List.of(), LEX))
                .expectNoEvents().expectException(BrokenRule.code("authority-required"));
    }

    @Test
    void aRequestHasALegalBasisAReferenceAndAKind() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveRegulatoryRequest(ID, BKA, "", RequestKind.OTHER, "ref", now, now.plus(FOURTEEN_DAYS),
                        SCOPE, List.of(), LEX))
                .expectNoEvents().expectException(BrokenRule.code("legal-basis-required"));
        fixture.givenNoPriorActivity()
                .when(new ReceiveRegulatoryRequest(ID, BKA, "basis", RequestKind.OTHER, "r".repeat(201), now,
                        now.plus(FOURTEEN_DAYS), SCOPE, List.of(), LEX))
                .expectNoEvents().expectException(BrokenRule.code("reference-required"));
        fixture.givenNoPriorActivity()
                .when(new ReceiveRegulatoryRequest(ID, BKA, "basis", null, "ref", now, now.plus(FOURTEEN_DAYS), SCOPE,
                        List.of(), LEX))
                .expectNoEvents().expectException(BrokenRule.code("kind-required"));
    }

    @Test
    void aRequestIsDueAfterItWasReceivedAndWasNotReceivedInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(receive(SCOPE, List.of(), now, now))
                .expectNoEvents().expectException(BrokenRule.code("due-before-received"));
        fixture.givenNoPriorActivity()
                .when(receive(SCOPE, List.of(), now.plus(Duration.ofDays(1)), now.plus(FOURTEEN_DAYS)))
                .expectNoEvents().expectException(BrokenRule.code("received-in-future"));
        fixture.givenNoPriorActivity()
                .when(receive(SCOPE, List.of(), null, now.plus(FOURTEEN_DAYS)))
                .expectNoEvents().expectException(BrokenRule.code("dates-required"));
    }

    @Test
    void aRequestIsAboutAtLeastOneSubjectOrCaseAndABoundedNumberOfThem() {
        fixture.givenNoPriorActivity()
                .when(receive(new RequestScope(List.of(), List.of()), List.of(), now, now.plus(FOURTEEN_DAYS)))
                .expectNoEvents().expectException(BrokenRule.code("scope-empty"));
        List<CaseId> tooMany = java.util.stream.Stream.generate(CaseId::random).limit(RequestScope.MAX_CASES + 1)
                .toList();
        fixture.givenNoPriorActivity()
                .when(receive(new RequestScope(List.of(), tooMany), List.of(), now, now.plus(FOURTEEN_DAYS)))
                .expectNoEvents().expectException(BrokenRule.code("scope-too-large"));
        SubjectRef shop = new SubjectRef(SubjectKind.SELLER, "shop-1");
        fixture.givenNoPriorActivity()
                .when(receive(new RequestScope(List.of(shop, shop), List.of()), List.of(), now, now.plus(FOURTEEN_DAYS)))
                .expectNoEvents().expectException(BrokenRule.code("scope-invalid"));
    }

    @Test
    void documentsAreReferencesWithTheirSha256BoundedAndNoneTwice() {
        fixture.givenNoPriorActivity()
                .when(receive(SCOPE, List.of(new DocumentRef("s3://a b", "a".repeat(64))), now, now.plus(FOURTEEN_DAYS)))
                .expectNoEvents().expectException(BrokenRule.code("document-invalid"));
        fixture.givenNoPriorActivity()
                .when(receive(SCOPE, List.of(new DocumentRef("s3://a", "A".repeat(64))), now, now.plus(FOURTEEN_DAYS)))
                .expectNoEvents().expectException(BrokenRule.code("document-invalid"));
        fixture.givenNoPriorActivity()
                .when(receive(SCOPE, List.of(ORDER, new DocumentRef("s3://copy", ORDER.sha256())), now,
                        now.plus(FOURTEEN_DAYS)))
                .expectNoEvents().expectException(BrokenRule.code("document-duplicated"));
        fixture.givenNoPriorActivity()
                .when(receive(SCOPE, Collections.nCopies(DocumentRef.MAX_PER_REQUEST + 1, ORDER), now,
                        now.plus(FOURTEEN_DAYS)))
                .expectNoEvents().expectException(BrokenRule.code("too-many-documents"));
    }

    // ---- review

    @Test
    void legalAsksForAClarificationAndRecordsItThenTheRequestIsReceivedAgain() {
        fixture.given(received())
                .when(new RequestClarification(ID, "Which of the seller's accounts?", LEX, 0L))
                .expectEvents(new RegulatoryRequestClarificationRequested(ID, "Which of the seller's accounts?", "lex"))
                .expectResultMessagePayload(1L);
        fixture.given(received(), new RegulatoryRequestClarificationRequested(ID, "Which?", "lex"))
                .when(new RecordClarification(ID, "  The main shop only.  ", LENA, null))
                .expectEvents(new RegulatoryRequestClarified(ID, "The main shop only.", "lena"));
        fixture.given(received(), new RegulatoryRequestClarificationRequested(ID, "Which?", "lex"),
                        new RegulatoryRequestClarified(ID, "The main shop.", "lena"))
                .when(new AcceptRegulatoryRequest(ID, LEX, null))
                .expectEvents(new RegulatoryRequestAccepted(ID, RequestKind.PRESERVATION_ORDER, SCOPE,
                        received().dueAt(), "lex"));
    }

    @Test
    void aClarificationNeedsAQuestionAndAnAnswerAndOnlyOneIsPendingAtATime() {
        fixture.given(received())
                .when(new RequestClarification(ID, " ", LEX, null))
                .expectNoEvents().expectException(BrokenRule.code("question-required"));
        fixture.given(received(), new RegulatoryRequestClarificationRequested(ID, "Which?", "lex"))
                .when(new RecordClarification(ID, null, LEX, null))
                .expectNoEvents().expectException(BrokenRule.code("clarification-required"));
        fixture.given(received(), new RegulatoryRequestClarificationRequested(ID, "Which?", "lex"))
                .when(new RequestClarification(ID, "And when?", LEX, null))
                .expectNoEvents().expectException(BrokenRule.code("request-status"));
        fixture.given(received())
                .when(new RecordClarification(ID, "unasked", LEX, null))
                .expectNoEvents().expectException(BrokenRule.code("request-status"));
    }

    @Test
    void acceptingCarriesTheScopeSoThatHoldsFollowFromTheEventAlone() {
        fixture.given(received())
                .when(new AcceptRegulatoryRequest(ID, LENA, 0L))
                .expectEvents(new RegulatoryRequestAccepted(ID, RequestKind.PRESERVATION_ORDER, SCOPE,
                        received().dueAt(), "lena"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aRequestWaitingForItsClarificationIsNotAccepted() {
        fixture.given(received(), new RegulatoryRequestClarificationRequested(ID, "Which?", "lex"))
                .when(new AcceptRegulatoryRequest(ID, LEX, null))
                .expectNoEvents().expectException(BrokenRule.code("clarification-pending"));
    }

    @Test
    void anAcceptedRequestIsNotAcceptedOrRejectedAgain() {
        fixture.given(received(), accepted())
                .when(new AcceptRegulatoryRequest(ID, LEX, null))
                .expectNoEvents().expectException(BrokenRule.code("request-status"));
        fixture.given(received(), accepted())
                .when(new RejectRegulatoryRequest(ID, "changed our mind", LEX, null))
                .expectNoEvents().expectException(BrokenRule.code("request-status"));
    }

    @Test
    void aRejectionNeedsAReasonAndMayCloseAWaitingRequest() {
        fixture.given(received())
                .when(new RejectRegulatoryRequest(ID, "", LEX, null))
                .expectNoEvents().expectException(BrokenRule.code("rejection-reason-required"));
        fixture.given(received())
                .when(new RejectRegulatoryRequest(ID, "x".repeat(RejectRegulatoryRequest.MAX_TEXT_LENGTH + 1), LEX, null))
                .expectNoEvents().expectException(BrokenRule.code("rejection-reason-required"));
        fixture.given(received(), new RegulatoryRequestClarificationRequested(ID, "Which?", "lex"))
                .when(new RejectRegulatoryRequest(ID, "no answer from the authority", LEX, null))
                .expectEvents(new RegulatoryRequestRejected(ID, "no answer from the authority", "lex"));
    }

    @Test
    void aRejectedRequestIsOver() {
        RegulatoryRequestRejected rejected = new RegulatoryRequestRejected(ID, "no legal basis", "lex");
        for (Object command : List.of(new AcceptRegulatoryRequest(ID, LEX, null),
                new RequestClarification(ID, "?", LEX, null), new RejectRegulatoryRequest(ID, "again", LEX, null),
                new CloseRegulatoryRequest(ID, null, LEX, null))) {
            fixture.given(received(), rejected)
                    .when(command)
                    .expectNoEvents().expectException(BrokenRule.code("request-over"));
        }
    }

    @Test
    void onlyAnAcceptedRequestIsClosedAndTheClosingCarriesTheScope() {
        fixture.given(received())
                .when(new CloseRegulatoryRequest(ID, null, LEX, null))
                .expectNoEvents().expectException(BrokenRule.code("request-not-accepted"));
        fixture.given(received(), accepted())
                .when(new CloseRegulatoryRequest(ID, " disclosed on 2026-12-01 ", LENA, 1L))
                .expectEvents(new RegulatoryRequestClosed(ID, SCOPE, "disclosed on 2026-12-01", "lena"))
                .expectResultMessagePayload(2L);
        fixture.given(received(), accepted())
                .when(new CloseRegulatoryRequest(ID, "bad\u0000note", LEX, null))
                .expectNoEvents().expectException(BrokenRule.code("close-note-invalid"));
        fixture.given(received(), accepted(), new RegulatoryRequestClosed(ID, SCOPE, null, "lex"))
                .when(new CloseRegulatoryRequest(ID, null, LEX, null))
                .expectNoEvents().expectException(BrokenRule.code("request-over"));
    }

    @Test
    void onlyLegalReviewsARequest() {
        for (Object command : List.of(new AcceptRegulatoryRequest(ID, LEAD, null),
                new RequestClarification(ID, "?", LEAD, null), new RejectRegulatoryRequest(ID, "no", LEAD, null),
                new CloseRegulatoryRequest(ID, null, LEAD, null))) {
            fixture.given(received())
                    .when(command)
                    .expectNoEvents().expectException(ActionNotPermitted.class);
        }
    }

    // ---- due dates

    @Test
    void legalIsRemindedThreeDaysBeforeTheDueDateAndTheDueDateEscalates() {
        Instant dueAt = now.plus(FOURTEEN_DAYS);
        fixture.givenCommands(receive())
                .whenThenTimeElapses(Duration.ofDays(11).plusMinutes(1))
                .expectTriggeredDeadlinesWithName(DueDate.NAME)
                .expectEvents(new RegulatoryRequestDueSoon(ID, dueAt, RegulatoryRequestStatus.RECEIVED));
    }

    @Test
    void theReminderComesBeforeTheEscalation() {
        Instant dueAt = now.plus(FOURTEEN_DAYS);
        fixture.givenCommands(receive())
                .whenThenTimeElapses(FOURTEEN_DAYS.plusMinutes(1))
                .expectEvents(new RegulatoryRequestDueSoon(ID, dueAt, RegulatoryRequestStatus.RECEIVED),
                        new RegulatoryRequestOverdue(ID, dueAt, RegulatoryRequestStatus.RECEIVED));
    }

    @Test
    void anAcceptedRequestStillEscalatesAtItsDueDate() {
        Instant dueAt = now.plus(FOURTEEN_DAYS);
        fixture.givenCommands(receive(), new AcceptRegulatoryRequest(ID, LEX, null))
                .whenThenTimeElapses(FOURTEEN_DAYS.plusMinutes(1))
                .expectEvents(new RegulatoryRequestDueSoon(ID, dueAt, RegulatoryRequestStatus.ACCEPTED),
                        new RegulatoryRequestOverdue(ID, dueAt, RegulatoryRequestStatus.ACCEPTED));
    }

    @Test
    void aRejectedOrClosedRequestIsNeitherRemindedNorEscalated() {
        fixture.givenCommands(receive(), new RejectRegulatoryRequest(ID, "no legal basis", LEX, null))
                .whenThenTimeElapses(FOURTEEN_DAYS.plusDays(1))
                .expectTriggeredDeadlinesWithName(DueDate.NAME, DueDate.NAME)
                .expectNoEvents();
        fixture.givenCommands(receive(), new AcceptRegulatoryRequest(ID, LEX, null),
                        new CloseRegulatoryRequest(ID, null, LEX, null))
                .whenThenTimeElapses(FOURTEEN_DAYS.plusDays(1))
                .expectNoEvents();
    }

    @Test
    void aRequestDueWithinTheReminderPeriodGetsNoReminderButItsEscalation() {
        Instant dueAt = now.plus(Duration.ofDays(1));
        fixture.givenNoPriorActivity()
                .when(receive(SCOPE, List.of(), now.minus(Duration.ofDays(20)), dueAt))
                .expectScheduledDeadline(Duration.ofDays(1), new DueDate(DueDate.Stage.OVERDUE, dueAt));
        fixture.givenCommands(receive(SCOPE, List.of(), now.minus(Duration.ofDays(20)), dueAt))
                .whenThenTimeElapses(Duration.ofDays(2))
                .expectEvents(new RegulatoryRequestOverdue(ID, dueAt, RegulatoryRequestStatus.RECEIVED));
    }

    @Test
    void theWallHidesRequestsFromEveryoneButLegal() {
        RegulatoryRequest request = new RegulatoryRequest();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> request.requireVisibleTo(LEAD))
                .isInstanceOf(RegulatoryRequestNotFound.class);
    }

    RegulatoryRequestAccepted accepted() {
        return new RegulatoryRequestAccepted(ID, RequestKind.PRESERVATION_ORDER, SCOPE, received().dueAt(), "lex");
    }
}
