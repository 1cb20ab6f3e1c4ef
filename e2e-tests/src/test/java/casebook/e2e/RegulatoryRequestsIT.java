package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Authority;
import casebook.client.model.NewRegulatoryRequest;
import casebook.client.model.RegulatoryClosure;
import casebook.client.model.RegulatoryDocument;
import casebook.client.model.RegulatoryRequestKind;
import casebook.client.model.RegulatoryRequestStatus;
import casebook.client.model.RegulatoryRequestSummary;
import casebook.client.model.RegulatoryScope;
import casebook.client.model.Subject;
import casebook.client.model.SubjectKind;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static casebook.e2e.Problems.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Legal's regulatory requests as legal uses them: record one (twice with the same id: one request), find it by
 * authority and status right away, accept and close it; an analyst and a lead get 403, an unknown id 404.
 */
@EndToEnd
class RegulatoryRequestsIT {
    private final Casebook casebook;
    private final CasebookApi lex;
    private final CasebookApi lena;

    RegulatoryRequestsIT(Casebook casebook) {
        this.casebook = casebook;
        this.lex = casebook.as("lex");
        this.lena = casebook.as("lena");
    }

    @Test
    void legalRecordsFindsAcceptsAndClosesARequestOnce() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String id = "e2e-" + tag;
        NewRegulatoryRequest request = request(id, "Bundeskriminalamt " + tag, 14);

        var created = lex.createRegulatoryRequestWithHttpInfo(request, "e2e-" + tag);
        var again = lena.createRegulatoryRequestWithHttpInfo(request, "e2e-again-" + tag);

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders().get("location")).containsExactly("/api/v1/regulatory-requests/" + id);
        assertThat(created.getHeaders().get("etag")).containsExactly("\"0\"");
        assertThat(created.getData().getStatus()).isEqualTo(RegulatoryRequestStatus.RECEIVED);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getData().getVersion()).isEqualTo(0L);
        assertThat(ids(lex.searchRegulatoryRequests("bundeskriminalamt " + tag.toUpperCase(), null, null, null, 0, 20)
                .getItems())).containsExactly(id);

        var accepted = lena.acceptRegulatoryRequestWithHttpInfo(id, "\"0\"", null);
        assertThat(accepted.getData().getStatus()).isEqualTo(RegulatoryRequestStatus.ACCEPTED);
        assertThat(ids(lex.searchRegulatoryRequests(tag, Set.of(RegulatoryRequestStatus.ACCEPTED), null, null, 0, 20)
                .getItems())).containsExactly(id);
        assertThat(lex.searchRegulatoryRequests(tag, Set.of(RegulatoryRequestStatus.RECEIVED), null, null, 0, 20)
                .getItems()).isEmpty();

        var closed = lex.closeRegulatoryRequest(id, new RegulatoryClosure().note("disclosed"), "\"1\"", null);
        var read = lex.getRegulatoryRequest(id);
        assertThat(closed.getStatus()).isEqualTo(RegulatoryRequestStatus.CLOSED);
        assertThat(read.getStatus()).isEqualTo(RegulatoryRequestStatus.CLOSED);
        assertThat(read.getDecidedBy()).isEqualTo("lena");
        assertThat(read.getClosedBy()).isEqualTo("lex");
        assertThat(read.getVersion()).isEqualTo(2L);
        assertThat(read.getScope().getSubjects()).extracting(Subject::getId).containsExactly("shop-" + tag);
        assertThat(lex.searchRegulatoryRequests(tag, null, null, null, 0, 20).getTotal()).isEqualTo(1);
    }

    @Test
    void onlyLegalReachesRequestsAndAnUnknownIdIsNotFound() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String id = "e2e-" + tag;
        lex.createRegulatoryRequest(request(id, "CNIL " + tag, 30), null);

        for (String user : List.of("ana.sea", "lee.sea")) {
            CasebookApi other = casebook.as(user);
            assertThat(refused(() -> other.getRegulatoryRequest(id)).status()).as(user).isEqualTo(403);
            assertThat(refused(() -> other.searchRegulatoryRequests(null, null, null, null, 0, 20)).status())
                    .as(user).isEqualTo(403);
            assertThat(refused(() -> other.createRegulatoryRequest(request("e2e-x-" + tag, "x", 3), null)).status())
                    .as(user).isEqualTo(403);
            assertThat(refused(() -> other.acceptRegulatoryRequest(id, null, null)).status()).as(user).isEqualTo(403);
        }
        Problems unknown = refused(() -> lex.getRegulatoryRequest("e2e-unknown-" + tag));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problem().getCode()).isEqualTo("not-found");
        assertThat(refused(() -> lena.acceptRegulatoryRequest("e2e-unknown-" + tag, null, null)).status())
                .isEqualTo(404);
        assertThat(refused(() -> lex.getRegulatoryRequest("e2e-x-" + tag)).status()).isEqualTo(404);
        assertThat(lex.getRegulatoryRequest(id).getStatus()).isEqualTo(RegulatoryRequestStatus.RECEIVED);
    }

    static NewRegulatoryRequest request(String id, String authority, int dueInDays) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String tag = id.substring(id.lastIndexOf('-') + 1);
        return new NewRegulatoryRequest()
                .requestId(id)
                .authority(new Authority().name(authority).jurisdiction("DE"))
                .legalBasis("§ 100g StPO")
                .kind(RegulatoryRequestKind.PRESERVATION_ORDER)
                .reference("REF-" + tag)
                .receivedAt(now.minusHours(2))
                .dueAt(now.plusDays(dueInDays))
                .scope(new RegulatoryScope().subjects(List.of(new Subject().kind(SubjectKind.SELLER).id("shop-" + tag))))
                .documents(List.of(new RegulatoryDocument().reference("s3://legal/" + id + "/order.pdf")
                        .sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
    }

    static List<String> ids(List<RegulatoryRequestSummary> items) {
        return items.stream().map(RegulatoryRequestSummary::getRequestId).toList();
    }
}
