package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Authority;
import casebook.client.model.CaseEvent;
import casebook.client.model.CaseSummary;
import casebook.client.model.CaseDisclosure;
import casebook.client.model.DisclosableField;
import casebook.client.model.ErasureOutcome;
import casebook.client.model.NewDisclosure;
import casebook.client.model.ErasureRequest;
import casebook.client.model.Flag;
import casebook.client.model.HeldCase;
import casebook.client.model.LegalHold;
import casebook.client.model.LegalHoldPlacement;
import casebook.client.model.NewRegulatoryRequest;
import casebook.client.model.RegulatoryClosure;
import casebook.client.model.RegulatoryDocument;
import casebook.client.model.RegulatoryRequestKind;
import casebook.client.model.RegulatoryScope;
import casebook.client.model.RiskCategory;
import casebook.client.model.Subject;
import casebook.client.model.SubjectKind;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static casebook.e2e.Problems.refused;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Legal holds and erasure as legal and privacy staff use them, through the generated client with real Keycloak
 * tokens (invariant 8, docs/adr/0019): a request's acceptance holds the subject's cases, also one opened afterwards;
 * privacy's erasure is refused naming the holds; a disclosure prepared by one legal user and approved by the other is
 * recorded on each case; a foreign-region analyst sees none of it; closing the request
 * releases the holds; the erasure then succeeds and search no longer finds the subject, its device or its history.
 */
@EndToEnd
class LegalHoldsIT {
    private final CasebookApi lex;
    private final CasebookApi lena;
    private final CasebookApi priya;
    private final CasebookApi anaSea;
    private final CasebookApi anaUs;
    private final CasebookApi detector;

    LegalHoldsIT(Casebook casebook) {
        this.lex = casebook.as("lex");
        this.lena = casebook.as("lena");
        this.priya = casebook.as("priya");
        this.anaSea = casebook.as("ana.sea");
        this.anaUs = casebook.as("ana.us");
        this.detector = casebook.detector("detector-sea");
    }

    @Test
    void holdsFollowTheRequestAndErasureWaitsForTheirRelease() throws Exception {
        String shop = Flags.unique("shop");
        String device = Flags.unique("dev");
        Flag first = Flags.brushing(shop, "SEA", device);
        UUID brushing = detector.raiseFlag(first, null).getCaseId();
        String requestId = Flags.unique("e2e-hold");

        lex.createRegulatoryRequest(request(requestId, shop), null);
        lena.acceptRegulatoryRequest(requestId, null, null);

        eventually().until(() -> holdsOn(brushing).contains(requestId));
        UUID scalping = detector.raiseFlag(Flags.brushing(shop, "SEA", device).category(RiskCategory.SCALPING), null)
                .getCaseId();
        eventually().until(() -> holdsOn(scalping).contains(requestId));
        LegalHold hold = lex.getCase(brushing, null, null).getHolds().get(0);
        assertThat(hold.getPlacedBy()).isEqualTo("casebook-legal-holds");
        eventually().until(() -> ids(lex.searchCases(null, null, null, null, null, null, null, null, null, null, null,
                null, true, requestId, 0, 20).getItems()).containsAll(List.of(brushing, scalping)));

        Problems underHold = refused(() -> priya.requestErasure(erasure(shop), null));
        assertThat(underHold.status()).isEqualTo(422);
        assertThat(underHold.problem().getCode()).isEqualTo("subject-under-legal-hold");
        assertThat(underHold.problem().getHolds()).extracting(HeldCase::getCaseId)
                .containsExactlyInAnyOrder(brushing, scalping);
        assertThat(underHold.problem().getHolds()).extracting(HeldCase::getRequestId).containsOnly(requestId);
        assertThat(anaSea.getCaseHistory(brushing, null, null).getEvents().get(0).getPayload().toString()).contains(shop);

        assertThat(refused(() -> anaUs.getCase(brushing, null, null)).status()).isEqualTo(404);
        assertThat(refused(() -> anaUs.getCaseHistory(brushing, null, null)).status()).isEqualTo(404);
        assertThat(refused(() -> anaUs.placeLegalHold(brushing, new LegalHoldPlacement().requestId(requestId), null))
                .status()).isEqualTo(403);
        assertThat(refused(() -> anaUs.releaseLegalHold(brushing, requestId, null)).status()).isEqualTo(403);
        assertThat(anaUs.searchCases(null, null, null, null, null, null, null, null, null, null, null, null, true,
                requestId, 0, 20).getItems()).isEmpty();

        // disclosed to the authority: prepared by lex, approved by lena (four eyes), recorded on every case it touched
        lex.prepareDisclosure(requestId, new NewDisclosure().disclosureId("d1")
                .caseIds(Set.of(brushing, scalping))
                .fields(Set.of(DisclosableField.SUBJECT, DisclosableField.NOTES)).redacted(Set.of(DisclosableField.NOTES)),
                null, null);
        assertThat(refused(() -> lex.approveDisclosure(requestId, "d1", null, null)).problem().getCode())
                .isEqualTo("four-eyes");
        lena.approveDisclosure(requestId, "d1", null, null);
        for (UUID disclosed : List.of(brushing, scalping)) {
            CaseDisclosure record = eventually().until(() -> lex.getCase(disclosed, null, null),
                    c -> c.getDisclosures() != null && !c.getDisclosures().isEmpty()).getDisclosures().get(0);
            assertThat(record.getDisclosureId()).isEqualTo("d1");
            assertThat(record.getPreparedBy()).isEqualTo("lex");
            assertThat(record.getApprovedBy()).isEqualTo("lena");
            assertThat(record.getFields()).containsExactlyInAnyOrder(DisclosableField.SUBJECT, DisclosableField.NOTES);
        }
        assertThat(refused(() -> anaUs.getCase(scalping, null, null)).status()).isEqualTo(404);

        lex.closeRegulatoryRequest(requestId, new RegulatoryClosure().note("preserved"), null, null);
        eventually().until(() -> holdsOn(brushing).isEmpty() && holdsOn(scalping).isEmpty());

        ErasureOutcome erased = priya.requestErasure(erasure(shop), null);

        assertThat(erased.getErasedCaseIds()).containsExactlyInAnyOrder(brushing, scalping);
        eventually().until(() -> anaSea.searchCases(null, shop, null, null, null, null, null, null, null, null, null,
                null, null, null, 0, 20).getItems().isEmpty()
                && anaSea.searchCases(null, null, device, null, null, null, null, null, null, null, null, null, null,
                null, 0, 20).getItems().isEmpty());
        List<CaseEvent> history = anaSea.getCaseHistory(brushing, null, null).getEvents();
        assertThat(history).extracting(CaseEvent::getType).contains("CaseOpened", "LegalHoldPlaced",
                "LegalHoldReleased", "PersonalDataErased");
        assertThat(history.toString()).contains("[erased]").doesNotContain(shop).doesNotContain(device);
        assertThat(anaSea.getCase(brushing, null, null).getErasedAt()).isNotNull();
    }

    @Test
    void legalHoldsACaseByHandForAnAcceptedRequestAndReleasesIt() throws Exception {
        String shop = Flags.unique("shop");
        UUID caseId = detector.raiseFlag(Flags.brushing(shop, "SEA", Flags.unique("dev")), null).getCaseId();
        String requestId = Flags.unique("e2e-hand");

        Problems unknown = refused(() -> lex.placeLegalHold(caseId, new LegalHoldPlacement().requestId(requestId), null));
        lex.createRegulatoryRequest(request(requestId, Flags.unique("other-shop")), null);
        Problems notAccepted = refused(() -> lex.placeLegalHold(caseId, new LegalHoldPlacement().requestId(requestId),
                null));
        lena.acceptRegulatoryRequest(requestId, null, null);
        long placed = lena.placeLegalHold(caseId, new LegalHoldPlacement().requestId(requestId), null).getVersion();
        long twice = lex.placeLegalHold(caseId, new LegalHoldPlacement().requestId(requestId), null).getVersion();

        assertThat(unknown.problem().getCode()).isEqualTo("unknown-request");
        assertThat(notAccepted.problem().getCode()).isEqualTo("request-not-accepted");
        assertThat(twice).isEqualTo(placed);
        assertThat(refused(() -> anaSea.placeLegalHold(caseId, new LegalHoldPlacement().requestId(requestId), null))
                .status()).isEqualTo(403);
        assertThat(refused(() -> priya.releaseLegalHold(caseId, requestId, null)).status()).isEqualTo(403);
        assertThat(refused(() -> priya.requestErasure(erasure(shop), null)).problem().getCode())
                .isEqualTo("subject-under-legal-hold");

        lex.releaseLegalHold(caseId, requestId, null);

        assertThat(refused(() -> lex.releaseLegalHold(caseId, requestId, null)).problem().getCode())
                .isEqualTo("hold-not-found");
        assertThat(lex.requestErasure(erasure(shop), null).getErasedCaseIds()).containsExactly(caseId);
    }

    private List<String> holdsOn(UUID caseId) throws Exception {
        return lex.getCase(caseId, null, null).getHolds().stream().map(LegalHold::getRequestId).toList();
    }

    private static List<UUID> ids(List<CaseSummary> items) {
        return items.stream().map(CaseSummary::getCaseId).toList();
    }

    private static ErasureRequest erasure(String shop) {
        return new ErasureRequest().subject(new Subject().kind(SubjectKind.SELLER).id(shop))
                .reason("Art. 17 request, ticket PRIV-812");
    }

    private static NewRegulatoryRequest request(String id, String shop) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new NewRegulatoryRequest()
                .requestId(id)
                .authority(new Authority().name("Bundeskriminalamt").jurisdiction("DE"))
                .legalBasis("§ 100g StPO")
                .kind(RegulatoryRequestKind.PRESERVATION_ORDER)
                .reference("REF-" + id)
                .receivedAt(now.minusHours(2))
                .dueAt(now.plusDays(14))
                .scope(new RegulatoryScope().subjects(List.of(new Subject().kind(SubjectKind.SELLER).id(shop))))
                .documents(List.of(new RegulatoryDocument().reference("s3://legal/" + id + "/order.pdf")
                        .sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
    }
}
