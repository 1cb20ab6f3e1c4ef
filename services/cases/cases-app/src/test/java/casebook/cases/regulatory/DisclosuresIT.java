package casebook.cases.regulatory;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.api.Actor;
import casebook.cases.api.AddNote;
import casebook.cases.api.CaseId;
import casebook.cases.api.DisclosableField;
import casebook.cases.api.DisclosureRecorded;
import casebook.cases.api.Flag;
import casebook.cases.api.NoteId;
import casebook.cases.api.RecordDisclosure;
import casebook.cases.api.RegionScope;
import casebook.cases.api.Role;
import casebook.cases.api.regulatory.Authority;
import casebook.cases.erasure.PersonalDataKeys;
import casebook.cases.ApiCalls;
import casebook.cases.ApiCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Disclosure packages through the REST API with real Keycloak tokens (docs/adr/0020): prepared by one legal user,
 * refused to them for approval, approved by the other, then recorded on every case it touched; the package's content
 * honours its redactions and shows erased personal data as erased.
 */
@CasesAppTest
class DisclosuresIT {
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @Autowired
    PersonalDataKeys personalData;
    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    private ApiCalls calls;


    @Test
    void aPackagePreparedByOneLegalUserAndApprovedByTheOtherIsRecordedOnEveryCaseItTouched() throws Exception {
        Flag ofScopedSubject = Actors.newSellerFlag("0.6");
        CaseId bySubject = Actors.raise(commands, ofScopedSubject).caseId();
        commands.sendAndWait(new AddNote(bySubject, NoteId.random(), "same device as shop-2231", Actors.ANALYST_SEA,
                null));
        Flag named = Actors.newSellerFlag("0.7");
        CaseId byId = Actors.raise(commands, named).caseId();
        CaseId outOfScope = Actors.raise(commands, Actors.newSellerFlag("0.5")).caseId();

        String id = "it-" + UUID.randomUUID();
        String path = "/api/v1/regulatory-requests/" + id;
        ObjectNode request = newRequest(id, ofScopedSubject.subject().id(), byId);
        assertThat(send("lex", "POST", "/api/v1/regulatory-requests", request, Map.of()).status()).isEqualTo(201);

        Answer notAccepted = send("lex", "POST", path + "/disclosures", newDisclosure("p1", List.of(bySubject, byId)),
                Map.of());
        assertThat(send("lena", "POST", path + "/acceptance", null, Map.of()).status()).isEqualTo(200);
        Answer notInScope = send("lex", "POST", path + "/disclosures",
                newDisclosure("p0", List.of(bySubject, outOfScope)), Map.of());
        Answer prepared = send("lex", "POST", path + "/disclosures", newDisclosure("p1", List.of(bySubject, byId)),
                Map.of("If-Match", "\"1\""));
        Answer preparedAgain = send("lex", "POST", path + "/disclosures",
                newDisclosure("p1", List.of(bySubject, byId)), Map.of());
        Answer waiting = send("lex", "GET", path + "/disclosures/p1", null, Map.of());
        Answer ownApproval = send("lex", "POST", path + "/disclosures/p1/approval", null, Map.of());
        Answer unknown = send("lena", "POST", path + "/disclosures/nope/approval", null, Map.of());
        Answer lead = send("lee.sea", "POST", path + "/disclosures/p1/approval", null, Map.of());
        Answer approved = send("lena", "POST", path + "/disclosures/p1/approval", null, Map.of("If-Match",
                prepared.eTag()));
        Answer approvedAgain = send("lena", "POST", path + "/disclosures/p1/approval", null, Map.of());

        assertThat(notAccepted.status()).isEqualTo(422);
        assertThat(notAccepted.body().path("code").asText()).isEqualTo("request-not-accepted");
        assertThat(notInScope.status()).isEqualTo(422);
        assertThat(notInScope.body().path("code").asText()).isEqualTo("case-not-in-scope");
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(200);
        assertThat(prepared.eTag()).isEqualTo("\"2\"");
        assertThat(preparedAgain.eTag()).isEqualTo("\"2\"");
        assertThat(waiting.body().path("status").asText()).isEqualTo("PREPARED");
        assertThat(waiting.body().path("cases")).as("no content before the approval").isEmpty();
        assertThat(ownApproval.status()).isEqualTo(403);
        assertThat(ownApproval.body().path("code").asText()).isEqualTo("four-eyes");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("code").asText()).isEqualTo("disclosure-unknown");
        assertThat(lead.status()).isEqualTo(403);
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.eTag()).isEqualTo("\"3\"");
        assertThat(approvedAgain.eTag()).isEqualTo("\"3\"");

        for (CaseId caseId : List.of(bySubject, byId)) {
            await().atMost(CasesAppTest.PATIENCE).until(() -> !recorded(caseId).isEmpty());
            DisclosureRecorded record = recorded(caseId).get(0);
            assertThat(record.requestId().value()).isEqualTo(id);
            assertThat(record.disclosureId().value()).isEqualTo("p1");
            assertThat(record.fields()).containsExactly(DisclosableField.SUBJECT, DisclosableField.NOTES,
                    DisclosableField.TIMELINE);
            assertThat(record.redacted()).containsExactly(DisclosableField.NOTES);
            assertThat(record.recipient()).isEqualTo(new Authority("Bundeskriminalamt", "DE"));
            assertThat(record.legalBasis()).isEqualTo("§ 100g StPO");
            assertThat(record.preparedBy()).isEqualTo("lex");
            assertThat(record.approvedBy()).isEqualTo("lena");
            assertThat(record.approvedAt()).isNotNull();
        }
        assertThat(recorded(outOfScope)).isEmpty();

        // recording the same disclosure again (a retry, a replay) is no second record
        DisclosureRecorded first = recorded(byId).get(0);
        commands.sendAndWait(new RecordDisclosure(byId, first.requestId(), first.disclosureId(), first.fields(),
                first.redacted(), first.recipient(), first.legalBasis(), first.preparedBy(), first.approvedBy(),
                first.approvedAt(), new Actor("lena", Set.of(Role.LEGAL), RegionScope.ALL)));
        assertThat(recorded(byId)).hasSize(1);

        JsonNode content = send("lex", "GET", path + "/disclosures/p1", null, Map.of()).body();
        assertThat(content.path("status").asText()).isEqualTo("APPROVED");
        assertThat(content.path("approvedBy").asText()).isEqualTo("lena");
        assertThat(content.path("recipient").path("name").asText()).isEqualTo("Bundeskriminalamt");
        JsonNode ofSubject = caseIn(content, bySubject);
        assertThat(values(ofSubject, "SUBJECT")).containsExactly("SELLER", ofScopedSubject.subject().id());
        assertThat(values(ofSubject, "NOTES")).containsExactly("[redacted]");
        assertThat(field(ofSubject, "NOTES").path("redacted").asBoolean()).isTrue();
        assertThat(values(ofSubject, "TIMELINE")).startsWith("CaseOpened", "FlagAttached", "NoteAdded")
                .doesNotContain("DisclosureRecorded");
        assertThat(content.toString()).doesNotContain("same device as shop-2231");

        // the content is read now: a subject erased since reads as erased
        personalData.destroy(named.subject());
        JsonNode afterErasure = send("lex", "GET", path + "/disclosures/p1", null, Map.of()).body();
        assertThat(values(caseIn(afterErasure, byId), "SUBJECT")).containsExactly("SELLER", "[erased]");
        assertThat(values(caseIn(afterErasure, bySubject), "SUBJECT"))
                .containsExactly("SELLER", ofScopedSubject.subject().id());
    }

    @Test
    void anUnknownPackageAndAnUnknownRequestAreNotFound() throws Exception {
        String id = "it-" + UUID.randomUUID();
        send("lex", "POST", "/api/v1/regulatory-requests", newRequest(id, "shop-" + id, CaseId.random()), Map.of());

        Answer noPackage = send("lex", "GET", "/api/v1/regulatory-requests/" + id + "/disclosures/p9", null, Map.of());
        Answer noRequest = send("lex", "POST", "/api/v1/regulatory-requests/it-none-" + id + "/disclosures",
                newDisclosure("p1", List.of(CaseId.random())), Map.of());

        assertThat(noPackage.status()).isEqualTo(404);
        assertThat(noRequest.status()).isEqualTo(404);
    }

    // ---- helpers

    List<DisclosureRecorded> recorded(CaseId caseId) {
        List<DisclosureRecorded> found = new ArrayList<>();
        for (DomainEventMessage<?> event : events.readEvents(caseId.toString(), 0).asStream().toList()) {
            if (event.getPayload() instanceof DisclosureRecorded record) found.add(record);
        }
        return found;
    }

    static JsonNode caseIn(JsonNode disclosure, CaseId caseId) {
        for (JsonNode disclosed : disclosure.path("cases")) {
            if (disclosed.path("caseId").asText().equals(caseId.value().toString())) return disclosed;
        }
        throw new AssertionError("case " + caseId + " is not in " + disclosure);
    }

    static JsonNode field(JsonNode disclosedCase, String field) {
        for (JsonNode f : disclosedCase.path("fields")) {
            if (f.path("field").asText().equals(field)) return f;
        }
        throw new AssertionError("no field " + field + " in " + disclosedCase);
    }

    static List<String> values(JsonNode disclosedCase, String field) {
        List<String> values = new ArrayList<>();
        field(disclosedCase, field).path("entries").forEach(e -> values.add(e.path("value").asText()));
        return values;
    }

    ObjectNode newRequest(String id, String subjectId, CaseId caseId) {
        ObjectNode body = json.createObjectNode();
        body.put("requestId", id);
        body.putObject("authority").put("name", "Bundeskriminalamt").put("jurisdiction", "DE");
        body.put("legalBasis", "§ 100g StPO");
        body.put("kind", "INFORMATION_REQUEST");
        body.put("reference", "BKA-SO41-4471");
        body.put("receivedAt", Instant.now().minus(Duration.ofHours(1)).toString());
        body.put("dueAt", Instant.now().plus(Duration.ofDays(14)).toString());
        ObjectNode scope = body.putObject("scope");
        scope.putArray("subjects").addObject().put("kind", "SELLER").put("id", subjectId);
        scope.putArray("caseIds").add(caseId.value().toString());
        return body;
    }

    ObjectNode newDisclosure(String disclosureId, List<CaseId> caseIds) {
        ObjectNode body = json.createObjectNode();
        body.put("disclosureId", disclosureId);
        caseIds.forEach(c -> body.withArray("caseIds").add(c.value().toString()));
        body.putArray("fields").add("TIMELINE").add("SUBJECT").add("NOTES");
        body.putArray("redacted").add("NOTES");
        return body;
    }

    Answer send(String user, String method, String path, JsonNode body, Map<String, String> headers) throws Exception {
        if (calls == null) calls = new ApiCalls(port);
        return calls.send(user, method, path, body, headers);
    }
}
