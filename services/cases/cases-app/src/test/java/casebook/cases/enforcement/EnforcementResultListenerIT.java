package casebook.cases.enforcement;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.api.ActionId;
import casebook.cases.api.ApproveDecision;
import casebook.cases.api.AssignCase;
import casebook.cases.api.CaseId;
import casebook.cases.api.DecisionId;
import casebook.cases.api.EnforcementAction;
import casebook.cases.api.EnforcementApplied;
import casebook.cases.api.EnforcementFailed;
import casebook.cases.api.PlannedAction;
import casebook.cases.api.ProposeDecision;
import casebook.cases.api.RetryEnforcement;
import casebook.cases.api.Verdict;
import casebook.cases.infrastructure.kafka.DeadLetterReader;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Results from the enforcement systems count only for what the case ordered: a result for an action it never
 * ordered, for an earlier attempt or naming another region changes nothing and reaches the results' dead-letter
 * topic with the refusing rule's code; the results behind it are still recorded.
 */
@CasesAppTest
class EnforcementResultListenerIT {
    static DeadLetterReader deadLetters;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;

    @BeforeAll
    static void listenToDeadLetters(@Value("${spring.kafka.bootstrap-servers}") String servers) {
        deadLetters = new DeadLetterReader(servers, "casebook.enforcement-results.v1.dlt");
    }

    @AfterAll
    static void close() {
        deadLetters.close();
    }

    @Test
    void resultsForWhatTheCaseNeverOrderedChangeNothingAndAreDeadLettered() throws Exception {
        DecisionId decision = DecisionId.random();
        CaseId caseId = decidedBan(decision);
        ActionId suspend = ActionId.of(decision, 0);
        ActionId ban = ActionId.of(decision, 1);
        report(caseId, suspend, 1, "SEA", "FAILED");
        await().atMost(CasesAppTest.PATIENCE).until(() -> last(caseId) instanceof EnforcementFailed);
        commands.sendAndWait(new RetryEnforcement(caseId, suspend, Actors.LEAD_SEA, null));
        long before = events(caseId).size();

        String unknownAction = report(caseId, ActionId.of(decision, 7), 1, "SEA", "APPLIED");
        String earlierAttempt = report(caseId, suspend, 1, "SEA", "APPLIED");
        String otherRegion = report(caseId, ban, 1, "US", "APPLIED");
        String laterAttempt = report(caseId, ban, 2, "SEA", "APPLIED");
        String noRegion = send(caseId, """
                {"actionId": "%s", "attempt": 1, "caseId": "%s", "outcome": "APPLIED"}""".formatted(ban, caseId));

        assertThat(reason(unknownAction)).isEqualTo("unknown-action");
        assertThat(reason(earlierAttempt)).isEqualTo("earlier-attempt");
        assertThat(reason(otherRegion)).isEqualTo("unknown-case");
        assertThat(reason(laterAttempt)).isEqualTo("unknown-attempt");
        assertThat(reason(noRegion)).isEqualTo("invalid-result");
        assertThat(events(caseId)).hasSize((int) before);

        report(caseId, suspend, 2, "SEA", "APPLIED");
        await().atMost(CasesAppTest.PATIENCE).until(() -> last(caseId) instanceof EnforcementApplied applied
                && applied.actionId().equals(suspend) && applied.attempt() == 2);
        assertThat(events(caseId)).hasSize((int) before + 1);
    }

    private String report(CaseId caseId, ActionId action, int attempt, String region, String outcome) throws Exception {
        return send(caseId, """
                {"actionId": "%s", "attempt": %d, "caseId": "%s", "region": "%s", "outcome": "%s", "system": "it"}"""
                .formatted(action, attempt, caseId, region, outcome));
    }

    /** Sends a result with a key of its own (to find its dead letter) and returns the key. */
    private String send(CaseId caseId, String json) throws Exception {
        String key = caseId + "/" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>("casebook.enforcement-results.v1", key, json.getBytes(StandardCharsets.UTF_8))).get();
        return key;
    }

    private String reason(String key) {
        return deadLetters.reason(key);
    }

    private List<? extends DomainEventMessage<?>> events(CaseId caseId) {
        return events.readEvents(caseId.toString()).asStream().toList();
    }

    private Object last(CaseId caseId) {
        List<? extends DomainEventMessage<?>> all = events(caseId);
        return all.get(all.size() - 1).getPayload();
    }

    private CaseId decidedBan(DecisionId decision) {
        CaseId caseId = Actors.raise(commands, Actors.newSellerFlag("0.9")).caseId();
        commands.sendAndWait(new AssignCase(caseId, "ana.sea", Actors.ANALYST_SEA, null));
        commands.sendAndWait(new ProposeDecision(caseId, decision, Verdict.VIOLATION,
                List.of("SELLER-POLICY-4.2"), "fake orders", List.of(
                        new PlannedAction(EnforcementAction.SUSPEND_SELLING, Map.of("days", "30")),
                        new PlannedAction(EnforcementAction.BAN, Map.of())), null, Actors.ANALYST_SEA, null));
        commands.sendAndWait(new ApproveDecision(caseId, Actors.LEAD_SEA, null));
        return caseId;
    }
}
