package casebook.cases.domain;

import casebook.cases.api.*;
import casebook.cases.api.regulatory.Authority;
import casebook.cases.api.regulatory.DisclosureId;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static casebook.cases.domain.RiskCaseTest.*;

/** A disclosure recorded on a case (docs/adr/0020): once per disclosure, by legal only, stamped with the region. */
class RiskCaseDisclosureTest {
    static final Actor LENA = new Actor("lena", Set.of(Role.LEGAL), RegionScope.ALL);
    static final RegulatoryRequestId REQUEST = new RegulatoryRequestId("bka-2026-4471");
    static final DisclosureId PACKAGE = new DisclosureId("bka-2026-4471-p1");
    static final Authority BKA = new Authority("Bundeskriminalamt", "DE");
    static final Instant APPROVED_AT = Instant.parse("2026-12-01T10:00:00Z");
    static final List<DisclosableField> FIELDS = List.of(DisclosableField.SUBJECT, DisclosableField.NOTES);
    static final List<DisclosableField> REDACTED = List.of(DisclosableField.NOTES);

    AggregateTestFixture<RiskCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = RiskCaseFixtures.fixture();
    }

    static RecordDisclosure record(Actor actor) {
        return new RecordDisclosure(CASE, REQUEST, PACKAGE, FIELDS, REDACTED, BKA, "§ 100g StPO", "lex", "lena",
                APPROVED_AT, actor);
    }

    static DisclosureRecorded recorded() {
        return new DisclosureRecorded(CASE, REQUEST, PACKAGE, FIELDS, REDACTED, BKA, "§ 100g StPO", "lex", "lena",
                APPROVED_AT);
    }

    Object[] open() {
        return new Object[] {opened(fixture.currentTime(), Priority.P3), new FlagAttached(CASE, flag("f-1", "0.6", null))};
    }

    @Test
    void anApprovedDisclosureIsRecordedOnTheCaseWithWhoWhatToWhomAndUnderWhichBasis() {
        fixture.given(open())
                .when(record(LENA))
                .expectEvents(recorded())
                .expectEventsMatching(allStampedWithRegion("SEA"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void theSameDisclosureRecordedTwiceTakesEffectOnce() {
        fixture.given(open()).andGiven(recorded())
                .when(record(LENA))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void aClosedCaseRecordsItsDisclosureToo() {
        fixture.given(open()).andGiven(new CaseClosed(CASE, ResolutionCode.SUBJECT_GONE, null, "lee.sea"))
                .when(record(LENA))
                .expectEvents(recorded());
    }

    @Test
    void onlyLegalRecordsADisclosure() {
        fixture.given(open())
                .when(record(LEE_SEA))
                .expectNoEvents().expectException(ActionNotPermitted.class);
        fixture.given(open())
                .when(record(AUDREY))
                .expectNoEvents().expectException(ActionNotPermitted.class);
    }

    @Test
    void aCaseOfAnotherRegionIsUnknownToARecordingOutsideIt() {
        Actor legalUs = new Actor("lena", Set.of(Role.LEGAL), RegionScope.of(Set.of(new Region("US"))));
        fixture.given(open())
                .when(record(legalUs))
                .expectNoEvents().expectException(CaseNotFound.class);
    }

    @Test
    void aRecordSaysWhatWasDisclosedToWhomAndWhoApprovedIt() {
        fixture.given(open())
                .when(new RecordDisclosure(CASE, REQUEST, PACKAGE, List.of(), List.of(), BKA, "§ 100g StPO", "lex",
                        "lena", APPROVED_AT, LENA))
                .expectNoEvents().expectException(BrokenRule.code("disclosure-incomplete"));
        fixture.given(open())
                .when(new RecordDisclosure(CASE, REQUEST, PACKAGE, FIELDS, REDACTED, null, "§ 100g StPO", "lex",
                        "lena", APPROVED_AT, LENA))
                .expectNoEvents().expectException(BrokenRule.code("disclosure-incomplete"));
        fixture.given(open())
                .when(new RecordDisclosure(CASE, REQUEST, PACKAGE, List.of(DisclosableField.SUBJECT), REDACTED, BKA,
                        "§ 100g StPO", "lex", "lena", APPROVED_AT, LENA))
                .expectNoEvents().expectException(BrokenRule.code("disclosure-incomplete"));
    }
}
