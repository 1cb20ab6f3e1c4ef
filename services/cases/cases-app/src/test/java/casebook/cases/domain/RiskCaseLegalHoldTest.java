package casebook.cases.domain;

import casebook.cases.api.*;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.api.regulatory.RegulatoryRequestStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static casebook.cases.domain.RiskCaseTest.*;

/** Legal holds (invariant 8): placed and released only by legal, each for an accepted request; they block erasure. */
class RiskCaseLegalHoldTest {
    static final RegulatoryRequestId BKA = RegulatoryRequestId.of("bka-2026-4471");
    static final RegulatoryRequestId FTC = RegulatoryRequestId.of("ftc-2026-17");
    static final Actor LEX = new Actor("lex", Set.of(Role.LEGAL), RegionScope.ALL);
    static final Actor PRIYA = new Actor("priya", Set.of(Role.PRIVACY), RegionScope.ALL);
    static final Actor LEGAL_SEA_ONLY = new Actor("lex.sea", Set.of(Role.LEGAL), RegionScope.of(Set.of(new Region("US"))));

    AggregateTestFixture<RiskCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = RiskCaseFixtures.fixture();
    }

    Object[] open() {
        return new Object[] {opened(fixture.currentTime(), Priority.P3), new FlagAttached(CASE, flag("f-1", "0.6", null))};
    }

    Object[] heldBy(RegulatoryRequestId... requests) {
        Object[] base = open();
        Object[] events = java.util.Arrays.copyOf(base, base.length + requests.length);
        for (int i = 0; i < requests.length; i++) {
            events[base.length + i] = new LegalHoldPlaced(CASE, requests[i], "lex");
        }
        return events;
    }

    @Test
    void legalPlacesAHoldForAnAcceptedRequest() {
        fixture.given(open())
                .when(new PlaceLegalHold(CASE, BKA, RegulatoryRequestStatus.ACCEPTED, LEX))
                .expectEvents(new LegalHoldPlaced(CASE, BKA, "lex"))
                .expectEventsMatching(allStampedWithRegion("SEA"));
    }

    @Test
    void placingTheSameRequestsHoldTwiceIsOneHold() {
        fixture.given(heldBy(BKA))
                .when(new PlaceLegalHold(CASE, BKA, RegulatoryRequestStatus.ACCEPTED, LEX))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aCaseCarriesOneHoldPerRequest() {
        fixture.given(heldBy(BKA))
                .when(new PlaceLegalHold(CASE, FTC, RegulatoryRequestStatus.ACCEPTED, LEX))
                .expectEvents(new LegalHoldPlaced(CASE, FTC, "lex"));
    }

    @Test
    void aHoldNamesItsRequest() {
        fixture.given(open())
                .when(new PlaceLegalHold(CASE, null, RegulatoryRequestStatus.ACCEPTED, LEX))
                .expectException(BrokenRule.code("hold-request-required")).expectNoEvents();
        fixture.given(heldBy(BKA))
                .when(new ReleaseLegalHold(CASE, null, LEX))
                .expectException(BrokenRule.code("hold-request-required")).expectNoEvents();
    }

    @Test
    void anUnknownRequestJustifiesNoHold() {
        fixture.given(open())
                .when(new PlaceLegalHold(CASE, BKA, null, LEX))
                .expectException(BrokenRule.code("unknown-request")).expectNoEvents();
    }

    @Test
    void onlyAnAcceptedRequestJustifiesAHold() {
        for (RegulatoryRequestStatus status : RegulatoryRequestStatus.values()) {
            if (status == RegulatoryRequestStatus.ACCEPTED) continue;
            fixture.given(open())
                    .when(new PlaceLegalHold(CASE, BKA, status, LEX))
                    .expectException(BrokenRule.code("request-not-accepted")).expectNoEvents();
        }
    }

    @Test
    void onlyLegalPlacesAndReleasesHolds() {
        for (Actor someone : new Actor[] {ANA_SEA, LEE_SEA, AUDREY, PRIYA}) {
            fixture.given(open())
                    .when(new PlaceLegalHold(CASE, BKA, RegulatoryRequestStatus.ACCEPTED, someone))
                    .expectException(ActionNotPermitted.class).expectNoEvents();
            fixture.given(heldBy(BKA))
                    .when(new ReleaseLegalHold(CASE, BKA, someone))
                    .expectException(ActionNotPermitted.class).expectNoEvents();
        }
    }

    @Test
    void legalOutsideTheCasesRegionsDoesNotSeeIt() {
        fixture.given(open())
                .when(new PlaceLegalHold(CASE, BKA, RegulatoryRequestStatus.ACCEPTED, LEGAL_SEA_ONLY))
                .expectException(CaseNotFound.class).expectNoEvents();
    }

    @Test
    void legalReleasesTheHoldOfARequest() {
        fixture.given(heldBy(BKA, FTC))
                .when(new ReleaseLegalHold(CASE, BKA, LEX))
                .expectEvents(new LegalHoldReleased(CASE, BKA, "lex"));
    }

    @Test
    void onlyAHoldThatIsThereIsReleased() {
        fixture.given(heldBy(FTC))
                .when(new ReleaseLegalHold(CASE, BKA, LEX))
                .expectException(BrokenRule.code("hold-not-found")).expectNoEvents();
        fixture.given(heldBy(BKA)).andGiven(new LegalHoldReleased(CASE, BKA, "lex"))
                .when(new ReleaseLegalHold(CASE, BKA, LEX))
                .expectException(BrokenRule.code("hold-not-found")).expectNoEvents();
    }

    @Test
    void holdsAreTakenInAnyStateOfTheCase() {
        fixture.given(open()).andGiven(new CaseClosed(CASE, ResolutionCode.SUBJECT_GONE, null, "lee.sea"))
                .when(new PlaceLegalHold(CASE, BKA, RegulatoryRequestStatus.ACCEPTED, LEX))
                .expectEvents(new LegalHoldPlaced(CASE, BKA, "lex"));
    }

    @Test
    void privacyOrLegalErasesAnUnheldCase() {
        fixture.given(open())
                .when(new ErasePersonalData(CASE, "erasure-7", PRIYA))
                .expectEvents(new PersonalDataErased(CASE, "erasure-7", "priya"));
        fixture.given(heldBy(BKA)).andGiven(new LegalHoldReleased(CASE, BKA, "lex"))
                .when(new ErasePersonalData(CASE, "erasure-7", LEX))
                .expectEvents(new PersonalDataErased(CASE, "erasure-7", "lex"));
    }

    @Test
    void aHeldCaseIsNotErased() {
        fixture.given(heldBy(BKA))
                .when(new ErasePersonalData(CASE, "erasure-7", PRIYA))
                .expectException(BrokenRule.code("case-under-legal-hold")).expectNoEvents();
    }

    @Test
    void anErasedCaseIsErasedOnce() {
        fixture.given(open()).andGiven(new PersonalDataErased(CASE, "erasure-7", "priya"))
                .when(new ErasePersonalData(CASE, "erasure-8", PRIYA))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anErasureNamesItsRequest() {
        fixture.given(open())
                .when(new ErasePersonalData(CASE, " ", PRIYA))
                .expectException(BrokenRule.code("erasure-id-invalid")).expectNoEvents();
    }

    @Test
    void onlyPrivacyOrLegalErase() {
        for (Actor someone : new Actor[] {ANA_SEA, LEE_SEA, AUDREY}) {
            fixture.given(open())
                    .when(new ErasePersonalData(CASE, "erasure-7", someone))
                    .expectException(ActionNotPermitted.class).expectNoEvents();
        }
    }
}
