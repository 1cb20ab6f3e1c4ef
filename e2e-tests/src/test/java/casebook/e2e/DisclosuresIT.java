package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Case;
import casebook.client.model.CaseDisclosure;
import casebook.client.model.DisclosableField;
import casebook.client.model.DisclosedCase;
import casebook.client.model.DisclosedEntry;
import casebook.client.model.DisclosedField;
import casebook.client.model.Disclosure;
import casebook.client.model.DisclosureStatus;
import casebook.client.model.Flag;
import casebook.client.model.NewDisclosure;
import casebook.client.model.NewRegulatoryRequest;
import casebook.client.model.RegulatoryRequestKind;
import casebook.client.model.RegulatoryScope;
import casebook.client.model.Subject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static casebook.e2e.Problems.refused;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disclosure package as legal works it, with the two real legal users (docs/adr/0020): lex prepares it for an
 * accepted request, lex may not approve it (four eyes), lena does; every case of the package then shows the
 * disclosure (fields, redactions, recipient, basis, who), and the package's content shows its redacted field as
 * redacted. An analyst cannot reach it; the foreign-region analyst still gets 404 for the case.
 */
@EndToEnd
class DisclosuresIT {
    private final Casebook casebook;
    private final CasebookApi lex;
    private final CasebookApi lena;

    DisclosuresIT(Casebook casebook) {
        this.casebook = casebook;
        this.lex = casebook.as("lex");
        this.lena = casebook.as("lena");
    }

    @Test
    void aPackageApprovedByASecondLegalUserIsRecordedOnEveryCaseItTouched() throws Exception {
        Flag sea = Flags.brushing("SEA");
        Flag us = Flags.brushing("US");
        UUID seaCase = casebook.detector("detector-sea").raiseFlag(sea, null).getCaseId();
        UUID usCase = casebook.detector("detector-us").raiseFlag(us, null).getCaseId();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String requestId = "e2e-disclosure-" + tag;
        NewRegulatoryRequest request = RegulatoryRequestsIT.request(requestId, "Bundeskriminalamt " + tag, 14)
                .kind(RegulatoryRequestKind.INFORMATION_REQUEST)
                .scope(new RegulatoryScope().subjects(List.of(new Subject().kind(sea.getSubject().getKind())
                        .id(sea.getSubject().getId()))).caseIds(List.of(usCase)));
        lex.createRegulatoryRequest(request, null);
        lena.acceptRegulatoryRequest(requestId, "\"0\"", null);

        NewDisclosure disclosure = new NewDisclosure().disclosureId("p1")
                .caseIds(Set.of(seaCase, usCase))
                .fields(Set.of(DisclosableField.SUBJECT, DisclosableField.SIGNALS, DisclosableField.TIMELINE))
                .redacted(Set.of(DisclosableField.SIGNALS));
        var prepared = lex.prepareDisclosureWithHttpInfo(requestId, disclosure, "\"1\"", "e2e-disclosure-" + tag);
        Problems ownApproval = refused(() -> lex.approveDisclosure(requestId, "p1", null, null));
        Problems analyst = refused(() -> casebook.as("ana.sea").approveDisclosure(requestId, "p1", null, null));
        Problems unknown = refused(() -> lena.approveDisclosure(requestId, "p9", null, null));
        var approved = lena.approveDisclosureWithHttpInfo(requestId, "p1", "\"2\"", null);

        assertThat(prepared.getStatusCode()).isEqualTo(200);
        assertThat(prepared.getHeaders().get("etag")).containsExactly("\"2\"");
        assertThat(ownApproval.status()).isEqualTo(403);
        assertThat(ownApproval.problem().getCode()).isEqualTo("four-eyes");
        assertThat(analyst.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(approved.getData().getVersion()).isEqualTo(3L);

        for (UUID caseId : List.of(seaCase, usCase)) {
            Case disclosed = eventually().until(() -> lex.getCase(caseId, null, null),
                    c -> c.getDisclosures() != null && !c.getDisclosures().isEmpty());
            CaseDisclosure record = disclosed.getDisclosures().get(0);
            assertThat(disclosed.getDisclosures()).hasSize(1);
            assertThat(record.getRequestId()).isEqualTo(requestId);
            assertThat(record.getDisclosureId()).isEqualTo("p1");
            assertThat(record.getFields()).containsExactly(DisclosableField.SUBJECT, DisclosableField.SIGNALS,
                    DisclosableField.TIMELINE);
            assertThat(record.getRedacted()).containsExactly(DisclosableField.SIGNALS);
            assertThat(record.getRecipient().getName()).isEqualTo("Bundeskriminalamt " + tag);
            assertThat(record.getLegalBasis()).isEqualTo("§ 100g StPO");
            assertThat(record.getPreparedBy()).isEqualTo("lex");
            assertThat(record.getApprovedBy()).isEqualTo("lena");
            assertThat(record.getApprovedAt()).isNotNull();
        }

        Disclosure read = lex.getDisclosure(requestId, "p1");
        assertThat(read.getStatus()).isEqualTo(DisclosureStatus.APPROVED);
        DisclosedCase ofSea = read.getCases().stream().filter(c -> c.getCaseId().equals(seaCase)).findFirst()
                .orElseThrow();
        assertThat(values(ofSea, DisclosableField.SUBJECT)).containsExactly("SELLER", sea.getSubject().getId());
        assertThat(values(ofSea, DisclosableField.SIGNALS)).isNotEmpty().containsOnly("[redacted]");
        assertThat(read.toString()).doesNotContain(sea.getSignals().getDeviceIds().get(0));

        // the region wall still holds for the cases; legal's package is not an analyst's
        assertThat(refused(() -> casebook.as("ana.us").getCase(seaCase, null, null)).status()).isEqualTo(404);
        assertThat(refused(() -> casebook.as("ana.sea").getDisclosure(requestId, "p1")).status()).isEqualTo(403);
    }

    private static List<String> values(DisclosedCase disclosed, DisclosableField field) {
        DisclosedField found = disclosed.getFields().stream().filter(f -> f.getField() == field).findFirst()
                .orElseThrow();
        return found.getEntries().stream().map(DisclosedEntry::getValue).toList();
    }
}
