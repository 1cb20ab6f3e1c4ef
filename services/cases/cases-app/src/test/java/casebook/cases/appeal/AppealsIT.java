package casebook.cases.appeal;

import casebook.cases.Actors;
import casebook.cases.ApiCalls;
import casebook.cases.ApiCalls.Answer;
import casebook.cases.CasesAppTest;
import casebook.cases.Histories;
import casebook.cases.api.ActionId;
import casebook.cases.api.ApproveDecision;
import casebook.cases.api.AssignCase;
import casebook.cases.api.CaseId;
import casebook.cases.api.DecisionId;
import casebook.cases.api.EnforcementAction;
import casebook.cases.api.PlannedAction;
import casebook.cases.api.ProposeDecision;
import casebook.cases.api.StatementOfReasons;
import casebook.cases.api.StatementOfReasonsIssued;
import casebook.cases.api.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Appeals through the REST API of the running service with real Keycloak tokens: support files once (the same appeal
 * id again is the same answer, a second appeal of the decision is refused), the people who decided and approved
 * cannot review it, another analyst does; the window, the roles and the region wall refuse what they must and change
 * nothing; the case, the queue and search show the appeal.
 */
@CasesAppTest
class AppealsIT {
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void supportFilesOnceAndOnlyAReviewerWhoTookNoPartDecides() throws Exception {
        DecisionId decision = DecisionId.random();
        CaseId caseId = decidedWithApproval(decision);
        String appealId = "it-" + UUID.randomUUID();
        String path = "/api/v1/cases/" + caseId + "/appeals";

        Answer foreignSupport = send(user("sam.us"), path, appeal(appealId, decision), Map.of());
        Answer foreignCentre = send(client("appeals-us"), path, appeal(appealId, decision), Map.of());
        Answer unknownCase = send(user("sam.sea"), "/api/v1/cases/" + UUID.randomUUID() + "/appeals",
                appeal(appealId, decision), Map.of());
        Answer analyst = send(user("ana.sea"), path, appeal(appealId, decision), Map.of());
        Answer first = send(user("sam.sea"), path, appeal(appealId, decision), Map.of("X-Correlation-Id", appealId));
        Answer again = send(user("sam.sea"), path, appeal(appealId, decision), Map.of());
        Answer another = send(client("appeals-sea"), path, appeal("it-" + UUID.randomUUID(), decision), Map.of());

        assertThat(foreignSupport.status()).isEqualTo(404);
        assertThat((JsonNode) ((ObjectNode) foreignSupport.body()).without("instance"))
                .isEqualTo((JsonNode) ((ObjectNode) unknownCase.body()).without("instance"));
        assertThat(foreignCentre.status()).isEqualTo(404);
        assertThat(analyst.status()).isEqualTo(403);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("version")).isEqualTo(first.body().path("version"));
        assertThat(another.status()).isEqualTo(422);
        assertThat(another.code()).isEqualTo("already-appealed");
        assertThat(Histories.types(events, caseId)).filteredOn("AppealFiled"::equals).hasSize(1);
        assertThat(Histories.types(events, caseId)).last().isEqualTo("AppealFiled");

        String decide = path + "/" + appealId + "/decision";
        ObjectNode overturnSuspension = review(decision, "OVERTURNED", "UPHELD");
        Answer decider = send(user("ana.sea"), decide, overturnSuspension, Map.of());
        Answer approver = send(user("lee.sea"), decide, overturnSuspension, Map.of());
        Answer support = send(user("sam.sea"), decide, overturnSuspension, Map.of());
        Answer foreign = send(user("ana.us"), decide, overturnSuspension, Map.of());
        ObjectNode oneRuling = json.createObjectNode().put("rationale", "only the suspension");
        oneRuling.putArray("rulings").add(overturnSuspension.path("rulings").get(0).deepCopy());
        Answer missingARuling = send(user("nina.sea"), decide, oneRuling, Map.of());
        long version = first.body().path("version").asLong();
        Answer stale = send(user("nina.sea"), decide, overturnSuspension, Map.of("If-Match", "\"" + (version - 1) + "\""));

        assertThat(decider.status()).isEqualTo(403);
        assertThat(approver.status()).isEqualTo(403);
        assertThat(support.status()).isEqualTo(403);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missingARuling.status()).isEqualTo(422);
        assertThat(missingARuling.code()).isEqualTo("appeal-rulings-invalid");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(Histories.types(events, caseId)).last().isEqualTo("AppealFiled");

        Answer decided = send(user("nina.sea"), decide, overturnSuspension, Map.of("If-Match", "\"" + version + "\""));

        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(200);
        assertThat(Histories.types(events, caseId)).endsWith("AppealFiled", "AppealDecided", "ReversalOrdered");
        JsonNode shown = await().atMost(CasesAppTest.PATIENCE).until(() -> get(user("nina.sea"),
                "/api/v1/cases/" + caseId).body(), c -> c.path("appeals").path(0).path("status").asText().equals("DECIDED"));
        JsonNode shownAppeal = shown.path("appeals").get(0);
        assertThat(shown.path("status").asText()).isEqualTo("DECIDED");
        assertThat(shownAppeal.path("appealId").asText()).isEqualTo(appealId);
        assertThat(shownAppeal.path("channel").asText()).isEqualTo("SUPPORT");
        assertThat(shownAppeal.path("filedBy").asText()).isEqualTo("sam.sea");
        assertThat(shownAppeal.path("outcome").asText()).isEqualTo("PARTIALLY_OVERTURNED");
        assertThat(shownAppeal.path("reviewedBy").asText()).isEqualTo("nina.sea");
        assertThat(shownAppeal.path("rulings")).hasSize(2);
        assertThat(shown.path("decision").path("statementOfReasons").path("appealBy").isTextual()).isTrue();
        assertThat(shown.path("decision").path("actions")).hasSize(3);
        assertThat(shown.path("decision").path("actions").get(2).path("reverses").asText())
                .isEqualTo(ActionId.of(decision, 0).toString());
    }

    @Test
    void anAppealedCaseIsInItsRegionsQueueByItsReviewDeadlineAndFoundByStatus() throws Exception {
        DecisionId decision = DecisionId.random();
        CaseId caseId = decidedAtOnce(decision);
        Answer filed = send(client("appeals-sea"), "/api/v1/cases/" + caseId + "/appeals",
                appeal("it-" + UUID.randomUUID(), decision), Map.of());
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(200);

        JsonNode found = await().atMost(CasesAppTest.PATIENCE).until(() -> get(user("nina.sea"),
                "/api/v1/cases?status=APPEALED&subjectId=" + subjectOf(caseId)).body(), r -> r.path("total").asLong() == 1);
        JsonNode summary = found.path("items").get(0);
        assertThat(summary.path("status").asText()).isEqualTo("APPEALED");
        JsonNode shown = get(user("nina.sea"), "/api/v1/cases/" + caseId).body();
        assertThat(summary.path("nextDueAt").asText()).isEqualTo(shown.path("appeals").get(0).path("reviewDueAt").asText());
        assertThat(shown.path("appeals").get(0).path("channel").asText()).isEqualTo("SUPPORT");
        assertThat(get(user("ana.us"), "/api/v1/cases/" + caseId).status()).isEqualTo(404);

        boolean inQueue = false;
        for (int page = 0; page < 50 && !inQueue; page++) {
            JsonNode queue = get(user("nina.sea"), "/api/v1/queue?size=100&page=" + page).body();
            for (JsonNode item : queue.path("items")) {
                inQueue |= item.path("caseId").asText().equals(caseId.toString());
            }
            if (queue.path("items").size() < 100) break;
        }
        assertThat(inQueue).as("the appealed case is in the SEA queue").isTrue();
    }

    @Test
    void anAppealAfterTheWindowTheStatementOfReasonsAnnouncedIsRefusedAndChangesNothing() throws Exception {
        DecisionId decision = DecisionId.random();
        CaseId caseId = decidedAtOnce(decision);
        windowClosedYesterday(caseId);
        int before = Histories.types(events, caseId).size();

        Answer late = send(user("sam.sea"), "/api/v1/cases/" + caseId + "/appeals",
                appeal("it-" + UUID.randomUUID(), decision), Map.of());

        assertThat(late.status()).isEqualTo(422);
        assertThat(late.code()).isEqualTo("appeal-window-closed");
        assertThat(Histories.types(events, caseId)).hasSize(before);
    }

    @Test
    void aDecisionOnTheLawNamesItsLegalGround() throws Exception {
        CaseId caseId = Actors.raise(commands, Actors.newSellerFlag("0.6")).caseId();
        commands.sendAndWait(new AssignCase(caseId, "ana.sea", Actors.ANALYST_SEA, null));
        ObjectNode proposal = json.createObjectNode().put("verdict", "VIOLATION").put("rationale", "counterfeit goods")
                .put("ground", "ILLEGAL_CONTENT");
        proposal.putArray("policyRefs").add("SELLER-POLICY-2.1");
        proposal.putArray("actions").addObject().put("action", "LIMIT_LISTINGS");

        Answer withoutLaw = send(user("ana.sea"), "/api/v1/cases/" + caseId + "/decision", proposal, Map.of());
        proposal.put("legalGround", "Trade mark law: sale of counterfeit goods");
        Answer withLaw = send(user("ana.sea"), "/api/v1/cases/" + caseId + "/decision", proposal, Map.of());

        assertThat(withoutLaw.status()).isEqualTo(422);
        assertThat(withoutLaw.code()).isEqualTo("legal-ground-required");
        assertThat(withLaw.status()).as(withLaw.body().toString()).isEqualTo(200);
        JsonNode statement = await().atMost(CasesAppTest.PATIENCE).until(() -> get(user("ana.sea"),
                "/api/v1/cases/" + caseId).body().path("decision").path("statementOfReasons"), s -> !s.isMissingNode());
        assertThat(statement.path("ground").asText()).isEqualTo("ILLEGAL_CONTENT");
        assertThat(statement.path("legalGround").asText()).isEqualTo("Trade mark law: sale of counterfeit goods");
    }

    /** ana.sea proposes a suspension and a ban, lee.sea approves (four eyes). */
    private CaseId decidedWithApproval(DecisionId decision) {
        CaseId caseId = Actors.raise(commands, Actors.newSellerFlag("0.9")).caseId();
        commands.sendAndWait(new AssignCase(caseId, "ana.sea", Actors.ANALYST_SEA, null));
        commands.sendAndWait(new ProposeDecision(caseId, decision, Verdict.VIOLATION, List.of("SELLER-POLICY-4.2"),
                "fake orders", List.of(new PlannedAction(EnforcementAction.SUSPEND_SELLING, Map.of("days", "30")),
                        new PlannedAction(EnforcementAction.BAN, Map.of())), null, Actors.ANALYST_SEA, null));
        commands.sendAndWait(new ApproveDecision(caseId, Actors.LEAD_SEA, null));
        return caseId;
    }

    /** ana.sea suspends the seller: decided at once. */
    private CaseId decidedAtOnce(DecisionId decision) {
        CaseId caseId = Actors.raise(commands, Actors.newSellerFlag("0.6")).caseId();
        commands.sendAndWait(new AssignCase(caseId, "ana.sea", Actors.ANALYST_SEA, null));
        commands.sendAndWait(new ProposeDecision(caseId, decision, Verdict.VIOLATION, List.of("SELLER-POLICY-4.2"),
                "fake orders", List.of(new PlannedAction(EnforcementAction.SUSPEND_SELLING, Map.of("days", "30"))),
                null, Actors.ANALYST_SEA, null));
        return caseId;
    }

    /**
     * The case's decision as if it had been taken long ago: its statement of reasons is issued again with an appeal
     * window that ended yesterday (the window is the one the subject was told, docs/events.md).
     */
    private void windowClosedYesterday(CaseId caseId) {
        List<? extends DomainEventMessage<?>> history = events.readEvents(caseId.toString()).asStream().toList();
        DomainEventMessage<?> last = history.get(history.size() - 1);
        StatementOfReasonsIssued issued = history.stream().map(DomainEventMessage::getPayload)
                .filter(StatementOfReasonsIssued.class::isInstance).map(StatementOfReasonsIssued.class::cast)
                .reduce((a, b) -> b).orElseThrow();
        StatementOfReasons s = issued.statement();
        Instant decidedAt = Instant.now().minus(Duration.ofDays(200));
        StatementOfReasons old = new StatementOfReasons(s.restrictions(), s.ground(), s.legalGround(), s.policyRefs(),
                s.facts(), s.source(), s.automatedDetection(), s.automatedDecision(), decidedAt,
                Instant.now().minus(Duration.ofDays(1)), s.redress());
        events.publish(new GenericDomainEventMessage<>(last.getType(), caseId.toString(), last.getSequenceNumber() + 1,
                new StatementOfReasonsIssued(caseId, issued.decisionId(), issued.subject(), old),
                MetaData.with("region", "SEA").and("actor", "appeals-it")));
    }

    private String subjectOf(CaseId caseId) {
        return events.readEvents(caseId.toString()).asStream().map(DomainEventMessage::getPayload)
                .filter(casebook.cases.api.CaseOpened.class::isInstance).map(casebook.cases.api.CaseOpened.class::cast)
                .findFirst().orElseThrow().subject().id();
    }

    private ObjectNode appeal(String appealId, DecisionId decision) {
        ObjectNode body = json.createObjectNode().put("appealId", appealId).put("decisionId", decision.toString())
                .put("statement", "The orders were placed by a corporate buyer.").put("channel", "SUPPORT");
        body.putArray("evidenceRefs").add("s3://appeals/sea/invoices.pdf");
        return body;
    }

    private ObjectNode review(DecisionId decision, String suspension, String ban) {
        ObjectNode body = json.createObjectNode().put("rationale", "The invoices show a corporate purchase.");
        var rulings = body.putArray("rulings");
        rulings.addObject().put("actionId", ActionId.of(decision, 0).toString()).put("ruling", suspension);
        rulings.addObject().put("actionId", ActionId.of(decision, 1).toString()).put("ruling", ban);
        return body;
    }

    private static String user(String name) {
        return ApiCalls.userToken(name);
    }

    private static String client(String clientId) {
        return ApiCalls.clientToken(clientId);
    }

    private Answer get(String token, String path) throws Exception {
        return new ApiCalls(port).sendWithToken(token, "GET", path, null, Map.of());
    }

    private Answer send(String token, String path, JsonNode body, Map<String, String> headers) throws Exception {
        return new ApiCalls(port).sendWithToken(token, "POST", path, body, headers);
    }
}
