package casebook.cases.appeal;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.Histories;
import casebook.cases.api.AppealFiled;
import casebook.cases.api.AssignCase;
import casebook.cases.api.CaseId;
import casebook.cases.api.CaseOpened;
import casebook.cases.api.DecisionId;
import casebook.cases.api.EnforcementAction;
import casebook.cases.api.PlannedAction;
import casebook.cases.api.ProposeDecision;
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

/**
 * Appeals from the seller/creator centre over {@code casebook.appeals.v1}: poison records (not JSON, against the
 * contract), appeals of unknown or foreign cases and appeals a rule refuses change nothing and reach the appeals'
 * dead-letter topic with their reason; the consumer carries on, the good appeal behind them is filed once though it
 * is delivered twice.
 */
@CasesAppTest
class AppealListenerIT {
    static final String TOPIC = "casebook.appeals.v1";
    static DeadLetterReader deadLetters;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;

    @BeforeAll
    static void listenToDeadLetters(@Value("${spring.kafka.bootstrap-servers}") String servers) {
        deadLetters = new DeadLetterReader(servers, TOPIC + ".dlt");
    }

    @AfterAll
    static void close() {
        deadLetters.close();
    }

    @Test
    void poisonAndRefusedAppealsAreDeadLetteredAndTheGoodOneIsFiledOnce() throws Exception {
        DecisionId decision = DecisionId.random();
        CaseId caseId = decided(decision);
        String shop = subjectOf(caseId);
        String appealId = "centre-" + UUID.randomUUID();
        int before = Histories.types(events, caseId).size();

        String notJson = send(caseId, "{\"appealId\": ");
        String binary = sendBytes(caseId, new byte[]{(byte) 0xC3, 0x28, 0x00, 0x7F});
        String noRegion = send(caseId, appeal(appealId, caseId.toString(), decision, null, shop, "real orders"));
        String unknownField = send(caseId, appeal(appealId, caseId.toString(), decision, "SEA", shop, "real orders")
                .replace("{\"appealId\"", "{\"colour\": \"red\", \"appealId\""));
        String emptyStatement = send(caseId, appeal(appealId, caseId.toString(), decision, "SEA", shop, ""));
        String unknownCase = send(caseId, appeal(appealId, UUID.randomUUID().toString(), decision, "SEA", shop, "x"));
        String foreignRegion = send(caseId, appeal(appealId, caseId.toString(), decision, "US", shop, "real orders"));
        String otherSubject = send(caseId, appeal(appealId, caseId.toString(), decision, "SEA", "shop-other", "x"));
        String otherDecision = send(caseId, appeal(appealId, caseId.toString(), DecisionId.random(), "SEA", shop, "x"));
        String good = send(caseId, appeal(appealId, caseId.toString(), decision, "SEA", shop, "real orders"));
        String sameAgain = send(caseId, appeal(appealId, caseId.toString(), decision, "SEA", shop, "real orders"));
        String secondAppeal = send(caseId, appeal("centre-" + UUID.randomUUID(), caseId.toString(), decision, "SEA",
                shop, "again"));

        assertThat(reason(notJson)).isEqualTo("unreadable-json");
        assertThat(reason(binary)).isEqualTo("unreadable-json");
        assertThat(reason(noRegion)).isEqualTo("invalid-appeal");
        assertThat(reason(unknownField)).isEqualTo("invalid-appeal");
        assertThat(reason(emptyStatement)).isEqualTo("invalid-appeal");
        assertThat(reason(unknownCase)).isEqualTo("unknown-case");
        assertThat(reason(foreignRegion)).isEqualTo("unknown-case");
        assertThat(reason(otherSubject)).isEqualTo("subject-mismatch");
        assertThat(reason(otherDecision)).isEqualTo("unknown-decision");
        assertThat(reason(secondAppeal)).isEqualTo("already-appealed");
        // the records behind the refused ones were handled: the good appeal is filed, its repetition changed nothing
        List<Object> history = events.readEvents(caseId.toString()).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
        assertThat(history).hasSize(before + 1);
        AppealFiled filed = (AppealFiled) history.get(history.size() - 1);
        assertThat(filed.appealId().value()).isEqualTo(appealId);
        assertThat(filed.channel()).hasToString("SUBJECT_CENTRE");
        assertThat(filed.filedBy()).isEqualTo(AppealListener.ACTOR);
        assertThat(deadLetters.keysReadSoFar()).doesNotContain(good, sameAgain);
    }

    private CaseId decided(DecisionId decision) {
        CaseId caseId = Actors.raise(commands, Actors.newSellerFlag("0.6")).caseId();
        commands.sendAndWait(new AssignCase(caseId, "ana.sea", Actors.ANALYST_SEA, null));
        commands.sendAndWait(new ProposeDecision(caseId, decision, Verdict.VIOLATION, List.of("SELLER-POLICY-4.2"),
                "fake orders", List.of(new PlannedAction(EnforcementAction.SUSPEND_SELLING, Map.of("days", "30"))),
                null, Actors.ANALYST_SEA, null));
        return caseId;
    }

    private String subjectOf(CaseId caseId) {
        return events.readEvents(caseId.toString()).asStream().map(DomainEventMessage::getPayload)
                .filter(CaseOpened.class::isInstance).map(CaseOpened.class::cast).findFirst().orElseThrow()
                .subject().id();
    }

    private static String appeal(String appealId, String caseId, DecisionId decision, String region, String shop,
                                 String statement) {
        return """
                {"appealId": "%s", "caseId": "%s", "decisionId": "%s", %s"subject": {"kind": "SELLER", "id": "%s"},
                 "statement": "%s", "evidenceRefs": ["s3://appeals/receipts.pdf"]}"""
                .formatted(appealId, caseId, decision, region == null ? "" : "\"region\": \"" + region + "\", ", shop,
                        statement);
    }

    private String send(CaseId caseId, String json) throws Exception {
        return sendBytes(caseId, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a record with a key of its own (to find its dead letter) and returns the key. All go to one partition, as
     * the contract's key (the case id) would put them: one case's appeals are handled in the order sent, so the good
     * appeal is filed before the second appeal is refused.
     */
    private String sendBytes(CaseId caseId, byte[] value) throws Exception {
        String key = caseId + "/" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(TOPIC, 0, key, value)).get();
        return key;
    }

    private String reason(String key) {
        return deadLetters.reason(key);
    }
}
