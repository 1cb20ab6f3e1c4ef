package casebook.cases.regulatory;

import casebook.cases.api.Actor;
import casebook.cases.api.CaseId;
import casebook.cases.api.DisclosableField;
import casebook.cases.api.SubjectKind;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.regulatory.*;
import casebook.cases.domain.ActionNotPermitted;
import casebook.cases.domain.BrokenRule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static casebook.cases.api.DisclosableField.*;
import static casebook.cases.regulatory.RegulatoryRequestTest.*;

/** Every rule of a disclosure package (docs/adr/0020), each named by its code. */
class RegulatoryRequestDisclosureTest {
    static final DisclosureId P1 = new DisclosureId("bka-2026-4471-p1");
    /** Named in the scope. */
    static final CaseId NAMED = SCOPE.caseIds().get(0);
    static final SubjectRef SHOP = SCOPE.subjects().get(0);
    /** Not named, but about the scoped subject. */
    static final CaseId OF_SCOPED_SUBJECT = new CaseId(UUID.fromString("7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"));
    static final CaseId OTHER = new CaseId(UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"));
    static final SubjectRef OTHER_SHOP = new SubjectRef(SubjectKind.SELLER, "shop-9");
    static final Map<CaseId, SubjectRef> SUBJECTS = Map.of(NAMED, new SubjectRef(SubjectKind.SELLER, "shop-1"),
            OF_SCOPED_SUBJECT, SHOP, OTHER, OTHER_SHOP);

    AggregateTestFixture<RegulatoryRequest> fixture;
    Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RegulatoryRequest.class);
        fixture.registerInjectableResource(new RegulatoryProperties(Duration.ofDays(3)));
        now = fixture.currentTime();
    }

    RegulatoryRequestReceived received() {
        return new RegulatoryRequestReceived(ID, BKA, "§ 100g StPO", RequestKind.INFORMATION_REQUEST,
                "BKA-SO41-2026-4471", now.minus(Duration.ofHours(2)), now.plus(FOURTEEN_DAYS), SCOPE, List.of(ORDER),
                "lex");
    }

    Object[] accepted() {
        return new Object[] {received(), new RegulatoryRequestAccepted(ID, RequestKind.INFORMATION_REQUEST, SCOPE,
                now.plus(FOURTEEN_DAYS), "lex")};
    }

    static PrepareDisclosure prepare(Actor actor, List<CaseId> cases, Set<DisclosableField> fields,
                                     Set<DisclosableField> redacted) {
        return new PrepareDisclosure(ID, P1, cases, fields, redacted, SUBJECTS, actor, null);
    }

    static PrepareDisclosure prepare(Actor actor) {
        return prepare(actor, List.of(NAMED, OF_SCOPED_SUBJECT), Set.of(SUBJECT, NOTES, TIMELINE), Set.of(NOTES));
    }

    static DisclosurePrepared prepared() {
        return new DisclosurePrepared(ID, P1, List.of(NAMED, OF_SCOPED_SUBJECT), List.of(SUBJECT, NOTES, TIMELINE),
                List.of(NOTES), "lex");
    }

    static DisclosureApproved approved() {
        return new DisclosureApproved(ID, P1, List.of(NAMED, OF_SCOPED_SUBJECT), List.of(SUBJECT, NOTES, TIMELINE),
                List.of(NOTES), BKA, "§ 100g StPO", "lex", "lena");
    }

    // ---- preparing

    @Test
    void legalPreparesAPackageOfCasesInScopeWithItsFieldsInCatalogueOrderAndItsRedactions() {
        fixture.given(accepted())
                .when(prepare(LEX))
                .expectEvents(prepared())
                .expectResultMessagePayload(2L);
    }

    @Test
    void preparingTheSamePackageTwiceTakesEffectOnce() {
        fixture.given(accepted()).andGiven(prepared())
                .when(prepare(LEX))
                .expectNoEvents().expectResultMessagePayload(2L);
        fixture.given(accepted()).andGiven(prepared(), approved())
                .when(prepare(LEX))
                .expectNoEvents().expectResultMessagePayload(3L);
    }

    @Test
    void anotherPackageUnderAnIdTakenIsRefused() {
        fixture.given(accepted()).andGiven(prepared())
                .when(prepare(LEX, List.of(NAMED), Set.of(SUBJECT), Set.of()))
                .expectNoEvents().expectException(BrokenRule.code("disclosure-exists"));
    }

    @Test
    void onlyAnAcceptedRequestIsDisclosed() {
        fixture.given(received())
                .when(prepare(LEX))
                .expectNoEvents().expectException(BrokenRule.code("request-not-accepted"));
        fixture.given(accepted()).andGiven(new RegulatoryRequestClosed(ID, SCOPE, null, "lex"))
                .when(prepare(LEX))
                .expectNoEvents().expectException(BrokenRule.code("request-over"));
        fixture.given(received(), new RegulatoryRequestRejected(ID, "no basis", "lex"))
                .when(prepare(LEX))
                .expectNoEvents().expectException(BrokenRule.code("request-over"));
    }

    @Test
    void onlyLegalPreparesAndApproves() {
        fixture.given(accepted())
                .when(prepare(LEAD))
                .expectNoEvents().expectException(ActionNotPermitted.class);
        fixture.given(accepted()).andGiven(prepared())
                .when(new ApproveDisclosure(ID, P1, LEAD, null))
                .expectNoEvents().expectException(ActionNotPermitted.class);
    }

    @Test
    void everyCaseIsInTheRequestsScopeNamedOrAboutAScopedSubject() {
        fixture.given(accepted())
                .when(prepare(LEX, List.of(NAMED, OTHER), Set.of(SUBJECT), Set.of()))
                .expectNoEvents().expectException(BrokenRule.code("case-not-in-scope"));
    }

    @Test
    void aCaseThatDoesNotExistIsNotDisclosed() {
        CaseId unknown = CaseId.random();
        fixture.given(accepted())
                .when(prepare(LEX, List.of(NAMED, unknown), Set.of(SUBJECT), Set.of()))
                .expectNoEvents().expectException(BrokenRule.code("case-unknown"));
    }

    @Test
    void aPackageHasAtLeastOneCaseNoneTwiceAndABoundedNumber() {
        fixture.given(accepted())
                .when(prepare(LEX, List.of(), Set.of(SUBJECT), Set.of()))
                .expectNoEvents().expectException(BrokenRule.code("disclosure-cases-required"));
        fixture.given(accepted())
                .when(prepare(LEX, List.of(NAMED, NAMED), Set.of(SUBJECT), Set.of()))
                .expectNoEvents().expectException(BrokenRule.code("disclosure-invalid"));
        List<CaseId> tooMany = IntStream.range(0, PrepareDisclosure.MAX_CASES + 1).mapToObj(i -> CaseId.random())
                .toList();
        fixture.given(accepted())
                .when(prepare(LEX, tooMany, Set.of(SUBJECT), Set.of()))
                .expectNoEvents().expectException(BrokenRule.code("disclosure-too-large"));
    }

    @Test
    void aPackageDisclosesAtLeastOneFieldAndRedactsOnlyFieldsItDiscloses() {
        fixture.given(accepted())
                .when(prepare(LEX, List.of(NAMED), Set.of(), Set.of()))
                .expectNoEvents().expectException(BrokenRule.code("disclosure-fields-required"));
        fixture.given(accepted())
                .when(prepare(LEX, List.of(NAMED), Set.of(SUBJECT), Set.of(NOTES)))
                .expectNoEvents().expectException(BrokenRule.code("redaction-not-disclosed"));
    }

    @Test
    void aRequestHasABoundedNumberOfPackages() {
        List<Object> history = new java.util.ArrayList<>(List.of(accepted()));
        for (int i = 0; i < PrepareDisclosure.MAX_PER_REQUEST; i++) {
            history.add(new DisclosurePrepared(ID, new DisclosureId("p" + i), List.of(NAMED), List.of(SUBJECT),
                    List.of(), "lex"));
        }
        fixture.given(history)
                .when(prepare(LEX))
                .expectNoEvents().expectException(BrokenRule.code("too-many-disclosures"));
    }

    // ---- approving

    @Test
    void aSecondLegalUserApprovesAndTheApprovalCarriesWhatEachCaseRecords() {
        fixture.given(accepted()).andGiven(prepared())
                .when(new ApproveDisclosure(ID, P1, LENA, 2L))
                .expectEvents(approved())
                .expectResultMessagePayload(3L);
    }

    @Test
    void thePreparerCannotApproveTheirOwnPackage() {
        fixture.given(accepted()).andGiven(prepared())
                .when(new ApproveDisclosure(ID, P1, LEX, null))
                .expectNoEvents().expectException(refusedWith("four-eyes"));
    }

    @Test
    void approvingAnApprovedPackageTakesEffectOnce() {
        fixture.given(accepted()).andGiven(prepared(), approved())
                .when(new ApproveDisclosure(ID, P1, LENA, null))
                .expectNoEvents().expectResultMessagePayload(3L);
    }

    @Test
    void anUnknownPackageIsNotApproved() {
        fixture.given(accepted())
                .when(new ApproveDisclosure(ID, P1, LENA, null))
                .expectNoEvents().expectException(BrokenRule.code("disclosure-unknown"));
    }

    @Test
    void aPackageOfAClosedRequestIsNotApproved() {
        fixture.given(accepted()).andGiven(prepared(), new RegulatoryRequestClosed(ID, SCOPE, null, "lex"))
                .when(new ApproveDisclosure(ID, P1, LENA, null))
                .expectNoEvents().expectException(BrokenRule.code("request-over"));
    }

    /** A refusal of the person (403) with its code. */
    static Matcher<ActionNotPermitted> refusedWith(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ActionNotPermitted refused) {
                return code.equals(refused.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("ActionNotPermitted with code ").appendValue(code);
            }
        };
    }
}
