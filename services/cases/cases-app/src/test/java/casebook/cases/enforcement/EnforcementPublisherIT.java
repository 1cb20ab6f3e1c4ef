package casebook.cases.enforcement;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.api.*;
import casebook.devstack.DevStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Enforcement out: one message per action, once, also when the decision was committed while nothing published. */
@CasesAppTest
class EnforcementPublisherIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static KafkaConsumer<String, byte[]> orders;

    @BeforeAll
    static void subscribe() {
        orders = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "enforcement-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        orders.subscribe(List.of("casebook.enforcement.v1"));
    }

    @AfterAll
    static void close() {
        orders.close();
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore events;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eachActionOfAnApprovedBanIsPublishedOnceWithItsId() throws Exception {
        CaseId caseId = decidedBan();

        List<ConsumerRecord<String, byte[]>> published = ordersOf(caseId, 2, CasesAppTest.PATIENCE);

        assertThat(published).hasSize(2);
        DecisionId decision = DecisionId.of(JSON.readTree(published.get(0).value()).path("decisionId").asText());
        assertThat(published).extracting(r -> header(r, EnforcementPublisher.ACTION_ID))
                .containsExactlyInAnyOrder(ActionId.of(decision, 0).toString(), ActionId.of(decision, 1).toString());
        JsonNode ban = published.stream().map(r -> read(r.value())).filter(v -> v.path("action").asText().equals("BAN"))
                .findFirst().orElseThrow();
        assertThat(ban.path("subject").path("kind").asText()).isEqualTo("SELLER");
        assertThat(ban.path("approvedBy").asText()).isEqualTo("lee.sea");
        assertThat(ban.path("region").asText()).isEqualTo("SEA");
    }

    @Test
    void aDecisionCommittedWhileThePublisherIsDownIsPublishedOnceWhenItIsBack() throws Exception {
        EventProcessor publisher = processing.eventProcessor(EnforcementPublisher.PROCESSING_GROUP).orElseThrow();
        publisher.shutDown();
        CaseId caseId;
        try {
            caseId = decidedBan(); // committed: the "crash" comes before anything is published
            assertThat(ordersOf(caseId, 1, Duration.ofSeconds(3))).isEmpty();
        } finally {
            publisher.start();
        }

        assertThat(ordersOf(caseId, 2, CasesAppTest.PATIENCE)).hasSize(2);
    }

    /**
     * A decision stored before the limits existed, whose order is larger than any record Kafka takes: the order is
     * parked (with its event, topic and reason) and the orders of the six decisions after it all reach the topic,
     * in both segments of the publisher.
     */
    @Test
    void anOrderThatCanNeverBePublishedIsParkedAndTheOrdersBehindItGoOut() {
        CaseId huge = CaseId.random();
        DecisionId decision = DecisionId.random();
        SubjectRef shop = new SubjectRef(SubjectKind.SELLER, "shop-" + UUID.randomUUID());
        GenericDomainEventMessage<CaseOpened> opened = new GenericDomainEventMessage<>("RiskCase", huge.toString(), 0,
                new CaseOpened(huge, shop, Actors.SEA, RiskCategory.BRUSHING, Priority.P3, Instant.now().plusSeconds(3600),
                        null), MetaData.with("region", "SEA"));
        GenericDomainEventMessage<CaseDecided> stored = new GenericDomainEventMessage<>("RiskCase", huge.toString(), 1,
                new CaseDecided(huge, decision, shop,
                        Verdict.VIOLATION, List.of("SELLER-POLICY-4.2"), "fake orders",
                        List.of(new OrderedAction(ActionId.of(decision, 0), EnforcementAction.LIMIT_LISTINGS,
                                Map.of("listings", "x".repeat(1_200_000)))), null, "ana.sea", null),
                MetaData.with("region", "SEA"));
        events.publish(opened, stored);
        java.util.Set<CaseId> later = new java.util.HashSet<>();
        for (int i = 0; i < 6; i++) {
            later.add(decidedBan());
        }

        Map<CaseId, List<ConsumerRecord<String, byte[]>>> published = ordersOfAll(later, 2, CasesAppTest.PATIENCE);

        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(later);
        assertThat(published.values()).allSatisfy(orders -> assertThat(orders).hasSize(2));
        assertThat(jdbc.sql("""
                        SELECT reason FROM parked_publications
                        WHERE event_id = ? AND topic = 'casebook.enforcement.v1' AND processor = ?""")
                .params(stored.getIdentifier(), EnforcementPublisher.PROCESSING_GROUP).query(String.class).list())
                .containsExactly("too-large");
    }

    /** The orders of several cases, until each has {@code expected} (at most {@code atMost}). */
    private Map<CaseId, List<ConsumerRecord<String, byte[]>>> ordersOfAll(java.util.Set<CaseId> cases, int expected,
                                                                           Duration atMost) {
        Map<CaseId, List<ConsumerRecord<String, byte[]>>> found = new java.util.HashMap<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && !(found.size() == cases.size()
                && found.values().stream().allMatch(orders -> orders.size() >= expected))) {
            for (ConsumerRecord<String, byte[]> record : orders.poll(Duration.ofMillis(200))) {
                CaseId caseId = CaseId.of(read(record.value()).path("caseId").asText());
                if (cases.contains(caseId)) {
                    found.computeIfAbsent(caseId, c -> new ArrayList<>()).add(record);
                }
            }
        }
        return found;
    }

    /** Waits for {@code expected} orders of the case (at most {@code atMost}), then 2 s more to catch duplicates. */
    private List<ConsumerRecord<String, byte[]>> ordersOf(CaseId caseId, int expected, Duration atMost) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        long quietUntil = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, quietUntil)) {
            for (ConsumerRecord<String, byte[]> record : orders.poll(Duration.ofMillis(200))) {
                if (caseId.toString().equals(read(record.value()).path("caseId").asText())) {
                    found.add(record);
                }
            }
            if (found.size() >= expected && quietUntil == Long.MAX_VALUE) {
                quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            }
        }
        return found;
    }

    private CaseId decidedBan() {
        CaseId caseId = Actors.raise(commands, Actors.newSellerFlag("0.9")).caseId();
        commands.sendAndWait(new AssignCase(caseId, "ana.sea", Actors.ANALYST_SEA, null));
        commands.sendAndWait(new ProposeDecision(caseId, DecisionId.random(), Verdict.VIOLATION,
                List.of("SELLER-POLICY-4.2"), "fake orders", List.of(
                        new PlannedAction(EnforcementAction.SUSPEND_SELLING, Map.of("days", "30")),
                        new PlannedAction(EnforcementAction.BAN, Map.of())), null, Actors.ANALYST_SEA, null));
        commands.sendAndWait(new ApproveDecision(caseId, Actors.LEAD_SEA, null));
        return caseId;
    }

    private static JsonNode read(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
