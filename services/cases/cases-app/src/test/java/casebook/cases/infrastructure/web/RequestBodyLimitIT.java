package casebook.cases.infrastructure.web;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.Histories;
import casebook.cases.api.AssignCase;
import casebook.cases.api.CaseId;
import casebook.devstack.DevStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A 1.2 MB decision answers 413 with a problem and changes nothing, with its length declared or sent chunked. */
@CasesAppTest
class RequestBodyLimitIT {
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aDecisionOfOnePointTwoMegabytesIsRefusedAndChangesNothing() throws Exception {
        CaseId caseId = Actors.raise(commands, Actors.newSellerFlag("0.6")).caseId();
        commands.sendAndWait(new AssignCase(caseId, "ana.sea", Actors.ANALYST_SEA, null));
        List<String> before = Histories.types(events, caseId);
        byte[] decision = ("{\"verdict\":\"VIOLATION\",\"policyRefs\":[\"SELLER-POLICY-4.2\"],\"rationale\":\"fake orders\","
                + "\"actions\":[{\"action\":\"WARN\",\"parameters\":{\"note\":\"" + "x".repeat(1_200_000) + "\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
        String token = DevStack.shared().keycloak().passwordToken("ana.sea", "ana.sea");

        for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofByteArray(decision),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(decision)))) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/cases/" + caseId + "/decision"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(body).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as("length %s", body.contentLength()).isEqualTo(413);
            JsonNode problem = json.readTree(answer.body());
            assertThat(problem.path("code").asText()).isEqualTo("body-too-large");
            assertThat(problem.path("status").asInt()).isEqualTo(413);
        }
        assertThat(Histories.types(events, caseId)).isEqualTo(before).endsWith("CaseAssigned");
    }
}
