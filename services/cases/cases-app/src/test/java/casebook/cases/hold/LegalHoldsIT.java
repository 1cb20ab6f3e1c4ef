package casebook.cases.hold;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.api.CaseId;
import casebook.cases.api.Flag;
import casebook.cases.api.NoteId;
import casebook.cases.api.AddNote;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import casebook.cases.api.PersonalData;
import casebook.devstack.DevStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Legal holds and erasure through the REST API of the running service, against PostgreSQL, Elasticsearch and
 * Keycloak (invariant 8, docs/adr/0019): acceptance holds the scoped cases and a case opened afterwards for a scoped
 * subject; erasure is refused naming the holds; closing the request releases them; erasure then succeeds, search no
 * longer finds the personal data and the history reads {@code [erased]}.
 */
@CasesAppTest
class LegalHoldsIT {
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body) {
    }

    @Test
    void acceptanceHoldsTheScopeErasureWaitsForTheReleaseAndThenErasesEverywhere() throws Exception {
        String device = "dev-" + UUID.randomUUID();
        Flag first = withDevice(Actors.newSellerFlag("0.6"), device);
        CaseId brushing = Actors.raise(commands, first).caseId();
        CaseId scalping = Actors.raise(commands, Actors.nextFlagOn(first, RiskCategory.SCALPING)).caseId();
        CaseId named = Actors.raise(commands, Actors.newSellerFlag("0.5")).caseId();
        CaseId unrelated = Actors.raise(commands, Actors.newSellerFlag("0.5")).caseId();
        String noteText = "talked to the owner of " + first.subject().id();
        commands.sendAndWait(new AddNote(brushing, NoteId.random(), noteText, Actors.ANALYST_SEA, null));
        String requestId = "it-hold-" + UUID.randomUUID();

        assertThat(send("lex", "POST", "/api/v1/regulatory-requests", request(requestId, first.subject().id(),
                named, UUID.randomUUID())).status()).isEqualTo(201);
        assertThat(send("lex", "POST", "/api/v1/regulatory-requests/" + requestId + "/acceptance", null).status())
                .isEqualTo(200);

        await().atMost(CasesAppTest.PATIENCE).until(() -> heldFor(requestId).size() == 3);
        assertThat(heldFor(requestId)).containsExactlyInAnyOrder(brushing, scalping, named);

        CaseId later = Actors.raise(commands, Actors.nextFlagOn(first, RiskCategory.INCENTIVE_ABUSE)).caseId();
        await().atMost(CasesAppTest.PATIENCE).until(() -> heldFor(requestId).contains(later));
        assertThat(heldFor(requestId)).doesNotContain(unrelated);

        Answer refused = erase("lex", first);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.body().path("code").asText()).isEqualTo("subject-under-legal-hold");
        assertThat(refused.body().path("type").asText()).isEqualTo("/problems/subject-under-legal-hold");
        assertThat(refused.body().path("holds").findValuesAsText("caseId"))
                .containsExactlyInAnyOrder(brushing.toString(), scalping.toString(), later.toString());
        assertThat(refused.body().path("holds").findValuesAsText("requestId")).containsOnly(requestId);
        assertThat(refused.body().path("detail").asText()).contains(requestId, brushing.toString());
        assertThat(history(brushing).body().toString()).contains(first.subject().id(), noteText);

        await().atMost(CasesAppTest.PATIENCE).until(() -> search("held", "true", "holdRequestId", requestId).size() == 4);
        Answer view = send("ana.sea", "GET", "/api/v1/cases/" + brushing, null);
        assertThat(view.body().path("holds").findValuesAsText("requestId")).containsExactly(requestId);
        assertThat(view.body().path("holds").get(0).path("placedBy").asText()).isEqualTo("casebook-legal-holds");
        assertThat(send("ana.us", "GET", "/api/v1/cases/" + brushing, null).status()).isEqualTo(404);

        assertThat(send("lex", "POST", "/api/v1/regulatory-requests/" + requestId + "/closure",
                json.createObjectNode().put("note", "preserved and disclosed")).status()).isEqualTo(200);
        await().atMost(CasesAppTest.PATIENCE).until(() -> heldFor(requestId).isEmpty());

        Answer erased = erase("lex", first);

        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(200);
        assertThat(ids(erased.body().path("erasedCaseIds")))
                .containsExactlyInAnyOrder(brushing.toString(), scalping.toString(), later.toString());
        assertThat(erased.body().path("erasureId").asText()).startsWith("erasure-");
        assertThat(history(brushing).body().toString()).contains(PersonalData.ERASED, "PersonalDataErased",
                "LegalHoldPlaced", "LegalHoldReleased").doesNotContain(first.subject().id()).doesNotContain(device)
                .doesNotContain(noteText);
        await().atMost(CasesAppTest.PATIENCE).until(() -> search("subjectId", first.subject().id()).isEmpty()
                && search("signal", device).isEmpty() && search("q", "owner").stream().noneMatch(brushing::equals));
        Answer erasedView = send("ana.sea", "GET", "/api/v1/cases/" + brushing, null);
        assertThat(erasedView.body().path("subject").path("id").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(erasedView.body().path("erasedAt").isTextual()).isTrue();
        assertThat(erasedView.body().path("holds")).isEmpty();
        assertThat(history(named).body().toString()).doesNotContain(PersonalData.ERASED);

        Answer again = erase("lex", first);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("erasedCaseIds")).isEmpty();
    }

    @Test
    void legalPlacesAndReleasesAHoldByHandOnlyForAnAcceptedRequest() throws Exception {
        CaseId caseId = Actors.raise(commands, Actors.newSellerFlag("0.5")).caseId();
        String requestId = "it-hand-" + UUID.randomUUID();
        String holds = "/api/v1/cases/" + caseId + "/legal-holds";

        Answer unknown = send("lex", "POST", holds, json.createObjectNode().put("requestId", requestId));
        send("lex", "POST", "/api/v1/regulatory-requests", request(requestId, "shop-" + requestId, null, null));
        Answer notAccepted = send("lex", "POST", holds, json.createObjectNode().put("requestId", requestId));
        send("lena", "POST", "/api/v1/regulatory-requests/" + requestId + "/acceptance", null);
        Answer placed = send("lena", "POST", holds, json.createObjectNode().put("requestId", requestId));
        Answer twice = send("lex", "POST", holds, json.createObjectNode().put("requestId", requestId));
        Answer analyst = send("ana.sea", "POST", holds, json.createObjectNode().put("requestId", requestId));
        Answer foreign = send("ana.us", "DELETE", holds + "/" + requestId, null);
        Answer unknownCase = send("lex", "POST", "/api/v1/cases/" + UUID.randomUUID() + "/legal-holds",
                json.createObjectNode().put("requestId", requestId));
        Answer badBody = send("lex", "POST", holds, json.createObjectNode().put("requestId", "not a request id!"));

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().path("code").asText()).isEqualTo("unknown-request");
        assertThat(notAccepted.status()).isEqualTo(422);
        assertThat(notAccepted.body().path("code").asText()).isEqualTo("request-not-accepted");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(200);
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body().path("version").asLong()).isEqualTo(placed.body().path("version").asLong());
        assertThat(analyst.status()).isEqualTo(403);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(unknownCase.status()).isEqualTo(404);
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(heldFor(requestId)).containsExactly(caseId);

        Answer released = send("lex", "DELETE", holds + "/" + requestId, null);
        Answer releasedAgain = send("lex", "DELETE", holds + "/" + requestId, null);

        assertThat(released.status()).isEqualTo(200);
        assertThat(releasedAgain.status()).isEqualTo(422);
        assertThat(releasedAgain.body().path("code").asText()).isEqualTo("hold-not-found");
        assertThat(heldFor(requestId)).isEmpty();
    }

    @Test
    void onlyLegalOrPrivacyFileAnErasureAndTheBodyIsChecked() throws Exception {
        Flag flag = Actors.newSellerFlag("0.5");
        Actors.raise(commands, flag);
        ObjectNode noReason = json.createObjectNode();
        noReason.putObject("subject").put("kind", "SELLER").put("id", flag.subject().id());

        assertThat(erase("ana.sea", flag).status()).isEqualTo(403);
        assertThat(erase("audrey", flag).status()).isEqualTo(403);
        assertThat(send("lex", "POST", "/api/v1/erasure-requests", noReason).status()).isEqualTo(400);
        assertThat(history(jdbc.sql("SELECT case_id FROM personal_data_keys WHERE subject_id = ?")
                .param(flag.subject().id()).query(UUID.class).single()).body().toString())
                .contains(flag.subject().id());
    }

    // ---- helpers

    Set<CaseId> heldFor(String requestId) {
        return jdbc.sql("SELECT case_id FROM legal_holds WHERE request_id = ?").param(requestId)
                .query((rs, i) -> new CaseId(rs.getObject(1, UUID.class))).list().stream().collect(Collectors.toSet());
    }

    List<CaseId> search(String... query) throws Exception {
        StringBuilder uri = new StringBuilder("/api/v1/cases?size=100");
        for (int i = 0; i < query.length; i += 2) {
            uri.append('&').append(query[i]).append('=').append(URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8));
        }
        Answer answer = send("ana.sea", "GET", uri.toString(), null);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body().path("items").findValuesAsText("caseId").stream().map(UUID::fromString).map(CaseId::new)
                .toList();
    }

    Answer erase(String user, Flag flag) throws Exception {
        ObjectNode body = json.createObjectNode();
        body.putObject("subject").put("kind", "SELLER").put("id", flag.subject().id());
        body.put("reason", "Art. 17 request, ticket PRIV-812");
        return send(user, "POST", "/api/v1/erasure-requests", body);
    }

    Answer history(CaseId caseId) throws Exception {
        return history(caseId.value());
    }

    Answer history(UUID caseId) throws Exception {
        return send("lex", "GET", "/api/v1/cases/" + caseId + "/history", null);
    }

    static List<String> ids(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    ObjectNode request(String id, String subjectId, CaseId caseId, UUID unknownCase) {
        ObjectNode body = json.createObjectNode();
        body.put("requestId", id);
        body.putObject("authority").put("name", "Bundeskriminalamt").put("jurisdiction", "DE");
        body.put("legalBasis", "§ 100g StPO");
        body.put("kind", "PRESERVATION_ORDER");
        body.put("reference", "BKA-SO41-4471");
        body.put("receivedAt", Instant.now().minus(Duration.ofHours(1)).toString());
        body.put("dueAt", Instant.now().plus(Duration.ofDays(14)).toString());
        ObjectNode scope = body.putObject("scope");
        scope.putArray("subjects").addObject().put("kind", "SELLER").put("id", subjectId);
        var cases = scope.putArray("caseIds");
        if (caseId != null) cases.add(caseId.toString());
        if (unknownCase != null) cases.add(unknownCase.toString());
        return body;
    }

    Answer send(String user, String method, String path, JsonNode body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + DevStack.shared().keycloak().passwordToken(user, user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) request.header("Content-Type", "application/json");
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body() == null || response.body().isBlank() ? json.createObjectNode()
                : json.readTree(response.body());
        return new Answer(response.statusCode(), parsed);
    }

    private static Flag withDevice(Flag flag, String device) {
        return new Flag(flag.flagId(), flag.source(), flag.subject(), flag.region(), flag.category(), flag.score(),
                flag.recommendation(), flag.moneyAtRisk(), new Signals(List.of(device), List.of(), List.of(), List.of()),
                flag.observedAt());
    }
}
