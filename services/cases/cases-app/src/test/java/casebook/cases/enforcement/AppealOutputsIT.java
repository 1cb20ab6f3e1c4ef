package casebook.cases.enforcement;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.api.*;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What leaves Casebook because of a decision and its appeal, on the real Kafka: the decision's orders and its
 * statement of reasons to the subject; an overturn's reversal orders (naming the action each undoes, results back,
 * retried as reversals), the outcome to the subject and an {@code OVERTURNED_ON_APPEAL} label per flag source.
 */
@CasesAppTest
class AppealOutputsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Actor SUPPORT_SEA = new Actor("sam.sea", Set.of(Role.SUPPORT), RegionScope.of(Set.of(Actors.SEA)));
    /** Reviews appeals: neither proposed (ana.sea) nor approved (lee.sea) the decisions here. */
    static final Actor REVIEWER_SEA = new Actor("ben.sea", Set.of(Role.LEAD), RegionScope.of(Set.of(Actors.SEA)));
    static final FlagSource VELOCITY_RULE = new FlagSource(FlagSource.Kind.RULE, "order-velocity", "12");
    static Topic orders;
    static Topic notices;
    static Topic labels;

    @Autowired
    CommandGateway commands;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    EventStore events;

    @BeforeAll
    static void subscribe(@Value("${spring.kafka.bootstrap-servers}") String servers) {
        orders = new Topic(servers, "casebook.enforcement.v1");
        notices = new Topic(servers, "casebook.subject-notices.v1");
        labels = new Topic(servers, "casebook.model-feedback.v1");
    }

    @AfterAll
    static void close() {
        orders.consumer.close();
        notices.consumer.close();
        labels.consumer.close();
    }

    @Test
    void aDecidedViolationSendsItsOrdersAndItsStatementOfReasonsToTheSubject() {
        DecisionId decision = DecisionId.random();
        Flag flag = Actors.newSellerFlag("0.9");
        CaseId caseId = decided(flag, decision);

        List<ConsumerRecord<String, byte[]>> sent = orders.until(caseId, o -> true, 2);
        ConsumerRecord<String, byte[]> statement = notices.until(caseId,
                n -> n.path("kind").asText().equals("STATEMENT_OF_REASONS"), 1).get(0);

        assertThat(sent).extracting(r -> read(r).path("kind").asText()).containsOnly("ACTION");
        assertThat(sent).allSatisfy(r -> assertThat(read(r).has("reverses")).isFalse());
        JsonNode notice = read(statement);
        assertThat(statement.key()).isEqualTo(flag.subject().id());
        assertThat(notice.path("decisionId").asText()).isEqualTo(decision.toString());
        assertThat(notice.path("subject").path("id").asText()).isEqualTo(flag.subject().id());
        assertThat(notice.path("region").asText()).isEqualTo("SEA");
        JsonNode body = notice.path("statement");
        assertThat(body.path("restrictions").findValuesAsText("actionId")).containsExactlyInAnyOrderElementsOf(
                sent.stream().map(r -> read(r).path("actionId").asText()).toList());
        JsonNode suspension = restriction(body, "SUSPEND_SELLING");
        assertThat(Instant.parse(suspension.path("endsAt").asText()))
                .isEqualTo(Instant.parse(body.path("decidedAt").asText()).plus(Duration.ofDays(30)));
        assertThat(suspension.path("territorialScope").asText()).isEqualTo("SEA");
        assertThat(restriction(body, "BAN").has("endsAt")).isFalse();
        assertThat(body.path("ground").asText()).isEqualTo("TERMS_AND_CONDITIONS");
        assertThat(body.path("policyRefs").get(0).asText()).isEqualTo("SELLER-POLICY-4.2");
        assertThat(body.path("facts").asText()).isEqualTo("fake orders");
        assertThat(body.path("automatedDetection").asBoolean()).isTrue();
        assertThat(body.path("automatedDecision").asText()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(Instant.parse(body.path("appealBy").asText())).isAfter(Instant.parse(body.path("decidedAt").asText()));
        assertThat(body.path("redress").size()).isEqualTo(3);
    }

    /** Invariant 7: every applied action overturned is reversed on the enforcement topic; results come back. */
    @Test
    void anOverturnReversesEachActionTellsTheSubjectAndLabelsEachFlagSource() throws Exception {
        DecisionId decision = DecisionId.random();
        ActionId suspend = ActionId.of(decision, 0);
        ActionId ban = ActionId.of(decision, 1);
        Flag model = Actors.newSellerFlag("0.9");
        CaseId caseId = decided(model, decision, fromRule(model));
        orders.until(caseId, o -> true, 2);
        report(caseId, suspend, 1, "APPLIED");
        report(caseId, ban, 1, "APPLIED");
        await().atMost(CasesAppTest.PATIENCE).until(() -> applied(caseId).containsAll(List.of(suspend, ban)));
        AppealId appeal = AppealId.of("it-" + UUID.randomUUID());

        commands.sendAndWait(new FileAppeal(caseId, appeal, decision, "The orders were real.", List.of(),
                AppealChannel.SUPPORT, SUPPORT_SEA, null));
        commands.sendAndWait(new DecideAppeal(caseId, appeal, List.of(new ActionRuling(suspend, Ruling.OVERTURNED),
                new ActionRuling(ban, Ruling.OVERTURNED)), "The receipts check out.", REVIEWER_SEA, null));

        List<JsonNode> reversals = orders.until(caseId, o -> o.path("kind").asText().equals("REVERSAL"), 2).stream()
                .map(AppealOutputsIT::read).toList();
        assertThat(reversals).extracting(r -> r.path("reverses").asText())
                .containsExactlyInAnyOrder(suspend.toString(), ban.toString());
        assertThat(reversals).allSatisfy(r -> {
            ActionId reversed = ActionId.of(r.path("reverses").asText());
            assertThat(r.path("actionId").asText()).isEqualTo(ActionId.reversalOf(reversed).toString());
            assertThat(r.path("action").asText()).isEqualTo(reversed.equals(ban) ? "BAN" : "SUSPEND_SELLING");
            assertThat(r.path("attempt").asInt()).isEqualTo(1);
            assertThat(r.path("appealId").asText()).isEqualTo(appeal.toString());
            assertThat(r.path("decidedBy").asText()).isEqualTo("ben.sea");
        });

        report(caseId, ActionId.reversalOf(suspend), 1, "APPLIED");
        report(caseId, ActionId.reversalOf(ban), 1, "APPLIED");
        await().atMost(CasesAppTest.PATIENCE).until(() -> applied(caseId)
                .containsAll(List.of(ActionId.reversalOf(suspend), ActionId.reversalOf(ban))));

        List<JsonNode> overturned = labels.until(caseId,
                l -> l.path("outcome").asText().equals("OVERTURNED_ON_APPEAL"), 2).stream().map(AppealOutputsIT::read)
                .toList();
        assertThat(overturned).extracting(l -> l.path("source").path("id").asText())
                .containsExactlyInAnyOrder("brushing-detector", "order-velocity");
        assertThat(overturned).allSatisfy(l -> {
            assertThat(l.path("appealId").asText()).isEqualTo(appeal.toString());
            assertThat(l.path("appealOutcome").asText()).isEqualTo("OVERTURNED");
            assertThat(l.path("decisionId").asText()).isEqualTo(decision.toString());
            assertThat(l.path("flags")).hasSize(1);
            assertThat(l.path("flags").get(0).path("source")).isEqualTo(l.path("source"));
        });
        assertThat(overturned).extracting(l -> l.path("labelId").asText()).doesNotHaveDuplicates();

        JsonNode outcome = read(notices.until(caseId, n -> n.path("kind").asText().equals("APPEAL_OUTCOME"), 1).get(0))
                .path("appealOutcome");
        assertThat(outcome.path("appealId").asText()).isEqualTo(appeal.toString());
        assertThat(outcome.path("outcome").asText()).isEqualTo("OVERTURNED");
        assertThat(outcome.path("rationale").asText()).isEqualTo("The receipts check out.");
        assertThat(outcome.path("rulings").findValuesAsText("ruling")).containsExactly("OVERTURNED", "OVERTURNED");
    }

    @Test
    void aFailedReversalIsRetriedAsAReversal() throws Exception {
        DecisionId decision = DecisionId.random();
        ActionId suspend = ActionId.of(decision, 0);
        ActionId ban = ActionId.of(decision, 1);
        ActionId reversal = ActionId.reversalOf(suspend);
        CaseId caseId = decided(Actors.newSellerFlag("0.9"), decision);
        orders.until(caseId, o -> true, 2);
        report(caseId, suspend, 1, "APPLIED");
        await().atMost(CasesAppTest.PATIENCE).until(() -> applied(caseId).contains(suspend));
        AppealId appeal = AppealId.of("it-" + UUID.randomUUID());
        commands.sendAndWait(new FileAppeal(caseId, appeal, decision, "The orders were real.", List.of(),
                AppealChannel.SUPPORT, SUPPORT_SEA, null));
        commands.sendAndWait(new DecideAppeal(caseId, appeal, List.of(new ActionRuling(suspend, Ruling.OVERTURNED),
                new ActionRuling(ban, Ruling.UPHELD)), "The suspension went too far.", REVIEWER_SEA, null));
        orders.until(caseId, o -> o.path("actionId").asText().equals(reversal.toString()), 1);

        report(caseId, reversal, 1, "FAILED");
        await().atMost(CasesAppTest.PATIENCE).until(() -> events(caseId).stream()
                .anyMatch(p -> p instanceof EnforcementFailed f && f.actionId().equals(reversal)));
        commands.sendAndWait(new RetryEnforcement(caseId, reversal, Actors.LEAD_SEA, null));

        JsonNode retried = read(orders.until(caseId, o -> o.path("actionId").asText().equals(reversal.toString())
                && o.path("attempt").asInt() == 2, 1).get(0));
        assertThat(retried.path("kind").asText()).isEqualTo("REVERSAL");
        assertThat(retried.path("reverses").asText()).isEqualTo(suspend.toString());
        assertThat(retried.path("action").asText()).isEqualTo("SUSPEND_SELLING");
        assertThat(retried.path("appealId").asText()).isEqualTo(appeal.toString());
        assertThat(retried.path("decidedBy").asText()).isEqualTo("ben.sea");
        assertThat(read(labels.until(caseId, l -> l.path("outcome").asText().equals("OVERTURNED_ON_APPEAL"), 1).get(0))
                .path("appealOutcome").asText()).isEqualTo("PARTIALLY_OVERTURNED");
    }

    /** A flag of another source (a rule) on the same subject and category: it joins the same open case. */
    private static Flag fromRule(Flag on) {
        return new Flag(new FlagId("it-" + UUID.randomUUID()), VELOCITY_RULE, on.subject(), on.region(), on.category(),
                new BigDecimal("0.8"), null, null, Signals.NONE, Instant.now());
    }

    /** A violation proposed by ana.sea and approved by lee.sea: suspend selling for 30 days, and ban. */
    private CaseId decided(Flag flag, DecisionId decision, Flag... more) {
        CaseId caseId = Actors.raise(commands, flag).caseId();
        for (Flag other : more) {
            assertThat(Actors.raise(commands, other).caseId()).isEqualTo(caseId);
        }
        commands.sendAndWait(new AssignCase(caseId, "ana.sea", Actors.ANALYST_SEA, null));
        commands.sendAndWait(new ProposeDecision(caseId, decision, Verdict.VIOLATION,
                List.of("SELLER-POLICY-4.2"), "fake orders", List.of(
                        new PlannedAction(EnforcementAction.SUSPEND_SELLING, Map.of("days", "30")),
                        new PlannedAction(EnforcementAction.BAN, Map.of())), null, Actors.ANALYST_SEA, null));
        commands.sendAndWait(new ApproveDecision(caseId, Actors.LEAD_SEA, null));
        return caseId;
    }

    /** An enforcement system's result, over the results topic. */
    private void report(CaseId caseId, ActionId action, int attempt, String outcome) throws Exception {
        String json = """
                {"actionId": "%s", "attempt": %d, "caseId": "%s", "region": "SEA", "outcome": "%s", "system": "it"}"""
                .formatted(action, attempt, caseId, outcome);
        kafka.send(new ProducerRecord<>("casebook.enforcement-results.v1", caseId.toString(),
                json.getBytes(StandardCharsets.UTF_8))).get();
    }

    private List<Object> events(CaseId caseId) {
        return events.readEvents(caseId.toString()).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    private List<ActionId> applied(CaseId caseId) {
        return events(caseId).stream().filter(EnforcementApplied.class::isInstance).map(EnforcementApplied.class::cast)
                .map(EnforcementApplied::actionId).toList();
    }

    private static JsonNode restriction(JsonNode statement, String action) {
        for (JsonNode r : statement.path("restrictions")) {
            if (r.path("action").asText().equals(action)) return r;
        }
        throw new AssertionError("no restriction " + action + " in " + statement);
    }

    private static JsonNode read(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One topic read from its beginning by a group of its own; records are kept to be searched by case. */
    static final class Topic {
        final KafkaConsumer<String, byte[]> consumer;
        final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        Topic(String servers, String topic) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ConsumerConfig.GROUP_ID_CONFIG, "appeal-outputs-it-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(topic));
        }

        /** Waits until the case has at least {@code count} records that {@code match}; returns them. */
        synchronized List<ConsumerRecord<String, byte[]>> until(CaseId caseId, Predicate<JsonNode> match, int count) {
            org.awaitility.Awaitility.await().atMost(CasesAppTest.PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return matching(caseId, match).size() >= count;
            });
            return matching(caseId, match);
        }

        private List<ConsumerRecord<String, byte[]>> matching(CaseId caseId, Predicate<JsonNode> match) {
            return seen.stream().filter(r -> {
                JsonNode value = read(r);
                return value.path("caseId").asText().equals(caseId.toString()) && match.test(value);
            }).toList();
        }
    }
}
