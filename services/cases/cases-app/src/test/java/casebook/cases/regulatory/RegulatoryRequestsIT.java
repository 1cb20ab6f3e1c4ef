package casebook.cases.regulatory;

import casebook.cases.CasesAppTest;
import casebook.cases.api.Actor;
import casebook.cases.api.RegionScope;
import casebook.cases.api.Role;
import casebook.cases.api.SubjectKind;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.regulatory.AcceptRegulatoryRequest;
import casebook.cases.api.regulatory.Authority;
import casebook.cases.api.regulatory.ReceiveRegulatoryRequest;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.api.regulatory.RequestKind;
import casebook.cases.api.regulatory.RequestScope;
import casebook.cases.ApiCalls;
import casebook.cases.ApiCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Regulatory requests through the REST API of the running service, with real Keycloak tokens and PostgreSQL: the
 * idempotent create, the review with versions, the read model's filters (read right after each write), and the wall.
 */
@CasesAppTest
class RegulatoryRequestsIT {
    static final Actor LEX = new Actor("lex", Set.of(Role.LEGAL), RegionScope.ALL);
    static final Actor LEAD = new Actor("lee.sea", Set.of(Role.LEAD, Role.ANALYST), RegionScope.ALL);

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    private ApiCalls calls;


    @Test
    void theSameRequestIdTwiceIsOneRequestAnsweredWithWhatWasStored() throws Exception {
        String id = "it-" + UUID.randomUUID();
        ObjectNode body = newRequest(id, "Bundeskriminalamt " + id, Instant.now().plus(Duration.ofDays(14)));

        Answer first = send("lex", "POST", "/api/v1/regulatory-requests", body, Map.of());
        body.put("reference", "another reference");
        Answer again = send("lena", "POST", "/api/v1/regulatory-requests", body, Map.of());

        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(first.raw().headers().firstValue("Location")).hasValue("/api/v1/regulatory-requests/" + id);
        assertThat(first.eTag()).isEqualTo("\"0\"");
        assertThat(first.body().path("status").asText()).isEqualTo("RECEIVED");
        assertThat(first.body().path("receivedBy").asText()).isEqualTo("lex");
        assertThat(first.body().path("scope").path("subjects").get(0).path("id").asText()).isEqualTo("shop-" + id);
        assertThat(first.body().path("documents")).hasSize(1);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("reference").asText()).isEqualTo("BKA-SO41-4471");
        assertThat(types(id)).containsExactly("RegulatoryRequestReceived");
    }

    /** What the controller relies on when two creates race past its look-up: the event store's key refuses one. */
    @Test
    void aSecondCreationOfTheSameStreamIsRefusedByTheEventStore() {
        RegulatoryRequestId id = new RegulatoryRequestId("it-" + UUID.randomUUID());
        ReceiveRegulatoryRequest receive = new ReceiveRegulatoryRequest(id, new Authority("CNIL", "FR"), "RGPD art. 58",
                RequestKind.INFORMATION_REQUEST, "CNIL-1", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), new RequestScope(List.of(new SubjectRef(SubjectKind.SELLER,
                "shop-1")), List.of()), List.of(), LEX);
        commands.sendAndWait(receive);

        assertThat(catchThrowable(() -> commands.sendAndWait(receive)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(types(id.value())).containsExactly("RegulatoryRequestReceived");
    }

    @Test
    void legalReviewsWithVersionsAndEveryEventCarriesItsActorAndCorrelation() throws Exception {
        String id = "it-" + UUID.randomUUID();
        send("lex", "POST", "/api/v1/regulatory-requests", newRequest(id, "AGCM " + id,
                Instant.now().plus(Duration.ofDays(20))), Map.of());
        String path = "/api/v1/regulatory-requests/" + id;

        Answer asked = send("lex", "POST", path + "/clarification-request",
                json.createObjectNode().put("question", "Which shop?"), Map.of("If-Match", "\"0\"",
                        "X-Correlation-Id", "it-corr-" + id));
        Answer stale = send("lena", "POST", path + "/acceptance", null, Map.of("If-Match", "\"0\""));
        Answer pending = send("lena", "POST", path + "/acceptance", null, Map.of());
        Answer answered = send("lena", "POST", path + "/clarification",
                json.createObjectNode().put("answer", "The main shop."), Map.of("If-Match", "\"1\""));
        Answer accepted = send("lena", "POST", path + "/acceptance", null, Map.of("If-Match", answered.eTag()));
        Answer read = send("lex", "GET", path, null, Map.of());
        Answer closed = send("lex", "POST", path + "/closure", json.createObjectNode().put("note", "disclosed"),
                Map.of());

        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body().path("version").asLong()).isEqualTo(1);
        assertThat(asked.body().path("status").asText()).isEqualTo("CLARIFICATION_REQUESTED");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().path("code").asText()).isEqualTo("stale-version");
        assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(1);
        assertThat(pending.status()).isEqualTo(422);
        assertThat(pending.body().path("code").asText()).isEqualTo("clarification-pending");
        assertThat(answered.eTag()).isEqualTo("\"2\"");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(read.body().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(read.body().path("decidedBy").asText()).isEqualTo("lena");
        assertThat(read.body().path("clarificationAnswer").asText()).isEqualTo("The main shop.");
        assertThat(read.eTag()).isEqualTo("\"3\"");
        assertThat(closed.body().path("status").asText()).isEqualTo("CLOSED");
        assertThat(send("lex", "GET", path, null, Map.of()).body().path("closingNote").asText()).isEqualTo("disclosed");

        List<? extends DomainEventMessage<?>> history = history(id);
        assertThat(history).extracting(e -> e.getPayloadType().getSimpleName()).containsExactly(
                "RegulatoryRequestReceived", "RegulatoryRequestClarificationRequested", "RegulatoryRequestClarified",
                "RegulatoryRequestAccepted", "RegulatoryRequestClosed");
        assertThat(history).extracting(e -> e.getMetaData().get("actor"))
                .containsExactly("lex", "lex", "lena", "lena", "lex");
        assertThat(history.get(1).getMetaData()).containsEntry("traceId", "it-corr-" + id);
    }

    /**
     * The persistent deadline manager finds the request again by its stream id when the due date comes: the request
     * is marked overdue (and the lead sees it in the list) without anyone touching it.
     */
    @Test
    void aRequestWhoseDueDatePassesBecomesOverdueByItself() throws Exception {
        String id = "it-due-" + UUID.randomUUID();
        Instant dueAt = Instant.now().plus(Duration.ofSeconds(2)).truncatedTo(ChronoUnit.MILLIS);
        commands.sendAndWait(new ReceiveRegulatoryRequest(new RegulatoryRequestId(id),
                new Authority("Garante " + id, "IT"), "Art. 58 GDPR", RequestKind.INFORMATION_REQUEST, "GPDP-1",
                Instant.now().minus(Duration.ofDays(1)), dueAt,
                new RequestScope(List.of(new SubjectRef(SubjectKind.SELLER, "shop-" + id)), List.of()), List.of(),
                LEX));

        await().atMost(CasesAppTest.PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> types(id).contains("RegulatoryRequestOverdue"));

        assertThat(types(id)).containsExactly("RegulatoryRequestReceived", "RegulatoryRequestOverdue");
        assertThat(history(id).get(1).getMetaData()).containsEntry("actor", "casebook-deadlines");
    }

    @Test
    void theListFiltersByAuthorityStatusAndDueDateSortedByDueDateRightAfterEachWrite() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String late = "it-late-" + tag;
        String soon = "it-soon-" + tag;
        String other = "it-other-" + tag;
        send("lex", "POST", "/api/v1/regulatory-requests", newRequest(late, "Autorité " + tag + " de la concurrence",
                now.plus(Duration.ofDays(30))), Map.of());
        send("lex", "POST", "/api/v1/regulatory-requests", newRequest(soon, "AUTORITÉ " + tag.toUpperCase() + " des "
                + "marchés", now.plus(Duration.ofDays(10))), Map.of());
        send("lex", "POST", "/api/v1/regulatory-requests", newRequest(other, "Court " + tag + "_x",
                now.plus(Duration.ofDays(20))), Map.of());
        send("lex", "POST", "/api/v1/regulatory-requests/" + soon + "/acceptance", null, Map.of());

        assertThat(ids(search(Map.of("authority", tag)))).containsExactly(soon, other, late);
        assertThat(ids(search(Map.of("authority", "autorité " + tag)))).containsExactly(soon, late);
        assertThat(ids(search(Map.of("authority", tag, "status", "ACCEPTED")))).containsExactly(soon);
        assertThat(ids(search(Map.of("authority", tag, "status", "RECEIVED")))).containsExactly(other, late);
        assertThat(ids(search(Map.of("authority", tag, "dueBefore", now.plus(Duration.ofDays(20)).toString()))))
                .containsExactly(soon);
        assertThat(ids(search(Map.of("authority", tag, "dueAfter", now.plus(Duration.ofDays(20)).toString()))))
                .containsExactly(other, late);
        // LIKE's wildcards mean themselves
        assertThat(ids(search(Map.of("authority", tag + "_")))).containsExactly(other);
        assertThat(ids(search(Map.of("authority", tag + "%")))).isEmpty();
        JsonNode page = search(Map.of("authority", tag, "size", "1", "page", "1"));
        assertThat(ids(page)).containsExactly(other);
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("items").get(0).path("subjectCount").asInt()).isEqualTo(1);
    }

    @Test
    void onlyLegalSeesRequestsAndAnUnknownIdIsNotFound() throws Exception {
        String id = "it-" + UUID.randomUUID();
        send("lex", "POST", "/api/v1/regulatory-requests", newRequest(id, "FTC " + id,
                Instant.now().plus(Duration.ofDays(20))), Map.of());

        assertThat(send("ana.sea", "GET", "/api/v1/regulatory-requests", null, Map.of()).status()).isEqualTo(403);
        assertThat(send("lee.sea", "POST", "/api/v1/regulatory-requests/" + id + "/acceptance", null, Map.of())
                .status()).isEqualTo(403);
        Answer unknown = send("lex", "GET", "/api/v1/regulatory-requests/it-unknown-" + id, null, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("code").asText()).isEqualTo("not-found");
        assertThat(unknown.body().path("detail").asText()).isEqualTo("no such regulatory request");
        assertThat(send("lex", "POST", "/api/v1/regulatory-requests/it-unknown-" + id + "/acceptance", null, Map.of())
                .status()).isEqualTo(404);
        // behind the web's role check, the repository's wall: to anyone but legal a request does not exist
        for (Long version : new Long[]{null, 0L, 99L}) {
            assertThat(catchThrowable(() -> commands.sendAndWait(new AcceptRegulatoryRequest(
                    new RegulatoryRequestId(id), LEAD, version)))).isInstanceOf(RegulatoryRequestNotFound.class);
        }
        assertThat(types(id)).containsExactly("RegulatoryRequestReceived");
    }

    @Test
    void brokenInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        String id = "it-" + UUID.randomUUID();
        ObjectNode body = newRequest(id, "Ofcom", Instant.now().plus(Duration.ofDays(5)));
        body.put("reference", "line\u0007bell");
        ((ObjectNode) body.path("scope").path("subjects").get(0)).put("id", "x".repeat(129));

        Answer refused = send("lex", "POST", "/api/v1/regulatory-requests", body, Map.of());
        ObjectNode empty = newRequest(id, "Ofcom", Instant.now().plus(Duration.ofDays(5)));
        empty.putObject("scope");
        Answer emptyScope = send("lex", "POST", "/api/v1/regulatory-requests", empty, Map.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field"))
                .contains("reference", "scope.subjects[0].id");
        assertThat(emptyScope.status()).isEqualTo(422);
        assertThat(emptyScope.body().path("code").asText()).isEqualTo("scope-empty");
        assertThat(send("lex", "GET", "/api/v1/regulatory-requests/" + id, null, Map.of()).status()).isEqualTo(404);
        assertThat(types(id)).isEmpty();
    }

    // ---- helpers

    ObjectNode newRequest(String id, String authority, Instant dueAt) {
        ObjectNode body = json.createObjectNode();
        body.put("requestId", id);
        body.putObject("authority").put("name", authority).put("jurisdiction", "DE");
        body.put("legalBasis", "§ 100g StPO\nArt. 6 e-evidence");
        body.put("kind", "PRESERVATION_ORDER");
        body.put("reference", "BKA-SO41-4471");
        body.put("receivedAt", Instant.now().minus(Duration.ofHours(1)).toString());
        body.put("dueAt", dueAt.toString());
        ObjectNode scope = body.putObject("scope");
        scope.putArray("subjects").addObject().put("kind", "SELLER").put("id", "shop-" + id);
        scope.putArray("caseIds").add(UUID.randomUUID().toString());
        body.putArray("documents").addObject().put("reference", "s3://legal/" + id + "/order.pdf")
                .put("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        return body;
    }

    JsonNode search(Map<String, String> query) throws Exception {
        List<String> pairs = new ArrayList<>();
        new LinkedHashMap<>(query).forEach((k, v) -> pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Answer answer = send("lex", "GET", "/api/v1/regulatory-requests?" + String.join("&", pairs), null, Map.of());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("requestId");
    }

    Answer send(String user, String method, String path, JsonNode body, Map<String, String> headers) throws Exception {
        if (calls == null) calls = new ApiCalls(port);
        return calls.send(user, method, path, body, headers);
    }

    List<? extends DomainEventMessage<?>> history(String id) {
        return events.readEvents(new RegulatoryRequestId(id).toString(), 0).asStream().toList();
    }

    List<String> types(String id) {
        return history(id).stream().map(e -> e.getPayloadType().getSimpleName()).toList();
    }
}
