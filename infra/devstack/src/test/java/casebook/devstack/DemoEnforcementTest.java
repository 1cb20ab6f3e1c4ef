package casebook.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's demo enforcement system on the real Kafka: an order in, a result out that the service would take
 * (the contract's EnforcementResult: the order's actionId, attempt, caseId and region, nothing it would
 * dead-letter); failure share 0 applies everything, share 1 fails every first attempt and applies the retry;
 * records that are not orders are skipped and the next order is answered. Each test has topics and a group of its
 * own (one partition each, so results come in the order they were sent).
 */
class DemoEnforcementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RESULT_FIELDS = Set.of("actionId", "attempt", "caseId", "region", "outcome",
            "reason", "system");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static KafkaServer kafka;

    @BeforeAll
    static void startKafka() {
        kafka = DevStack.shared().startAll().kafka();
    }

    @Test
    void anOrderGetsAWellFormedAppliedResultWhenNothingFails() throws Exception {
        Topics topics = Topics.unique("applied");
        ObjectNode order = order("ACTION", 1, "SEA");
        send(topics.orders(), "shop-118822", order.toString().getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, String>> results;
        try (DemoEnforcement enforcement = topics.enforcement(0).start()) {
            results = awaitResults(topics, received -> received.size() >= 1);
        }

        assertThat(results).singleElement().satisfies(record -> {
            assertThat(record.key()).as("the subject id, as the order's key").isEqualTo("shop-118822");
            JsonNode result = JSON.readTree(record.value());
            assertWellFormed(result, order);
            assertThat(result.path("outcome").asText()).isEqualTo("APPLIED");
            assertThat(result.has("reason")).as("a reason only for failures").isFalse();
        });
    }

    @Test
    void atShareOneEveryFirstAttemptFailsAndItsRetryIsApplied_reversalsToo() throws Exception {
        Topics topics = Topics.unique("failing");
        ObjectNode ban = order("ACTION", 1, "US");
        ObjectNode reversal = order("REVERSAL", 1, "SEA").put("reverses", UUID.randomUUID().toString());
        ObjectNode banRetried = ban.deepCopy().put("attempt", 2);

        send(topics.orders(), "shop-1", ban.toString().getBytes(StandardCharsets.UTF_8));
        send(topics.orders(), "shop-2", reversal.toString().getBytes(StandardCharsets.UTF_8));
        try (DemoEnforcement enforcement = topics.enforcement(1).start()) {
            // the lead's retry comes after the failure was reported, as in the service
            awaitResults(topics, received -> received.size() >= 2);
            send(topics.orders(), "shop-1", banRetried.toString().getBytes(StandardCharsets.UTF_8));
            List<ConsumerRecord<String, String>> results = awaitResults(topics, received -> received.size() >= 3);

            assertThat(results).hasSize(3);
            JsonNode banResult = JSON.readTree(results.get(0).value());
            JsonNode reversalResult = JSON.readTree(results.get(1).value());
            JsonNode retryResult = JSON.readTree(results.get(2).value());
            assertWellFormed(banResult, ban);
            assertWellFormed(reversalResult, reversal);
            assertWellFormed(retryResult, banRetried);
            assertThat(banResult.path("outcome").asText()).isEqualTo("FAILED");
            assertThat(banResult.path("reason").asText()).isNotBlank().hasSizeLessThanOrEqualTo(1000)
                    .contains("demo enforcement system");
            assertThat(reversalResult.path("outcome").asText()).isEqualTo("FAILED");
            assertThat(retryResult.path("outcome").asText()).isEqualTo("APPLIED");
            assertThat(enforcement.answers()).isEqualTo(3);
        }
    }

    @Test
    void theSameOrderAlwaysGetsTheSameAnswerAndAboutTheShareOfFirstAttemptsFails() {
        DemoEnforcement enforcement = new DemoEnforcement("unused:9092", "o", "r", "g", 0.3);
        int failed = 0;
        for (int i = 0; i < 2000; i++) {
            DemoEnforcement.Order first = new DemoEnforcement.Order(UUID.randomUUID().toString(), 1,
                    UUID.randomUUID().toString(), "SEA", "ACTION", "BAN_SELLER", "shop");
            assertThat(enforcement.fails(first)).isEqualTo(enforcement.fails(first));
            assertThat(enforcement.fails(new DemoEnforcement.Order(first.actionId(), 2, first.caseId(), "SEA",
                    "ACTION", "BAN_SELLER", "shop"))).as("a retry").isFalse();
            failed += enforcement.fails(first) ? 1 : 0;
        }
        assertThat(failed).as("failed first attempts of 2000 at 30%").isBetween(480, 720);
    }

    @Test
    void recordsThatAreNotOrdersAreSkippedAndTheNextOrderIsAnswered() throws Exception {
        Topics topics = Topics.unique("poison");
        ObjectNode good = order("ACTION", 1, "SEA");
        send(topics.orders(), "shop-1", new byte[] {(byte) 0xff, 0x00, '{', 'n', 'o', 't'});
        send(topics.orders(), "shop-1", "{\"flagId\":\"not-an-order\"}".getBytes(StandardCharsets.UTF_8));
        send(topics.orders(), "shop-1", order("ACTION", 1, "SEA").put("caseId", "not-a-uuid").toString()
                .getBytes(StandardCharsets.UTF_8));
        send(topics.orders(), "shop-1", order("SOMETHING_ELSE", 1, "SEA").toString().getBytes(StandardCharsets.UTF_8));
        send(topics.orders(), "shop-1", good.toString().getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, String>> results;
        try (DemoEnforcement enforcement = topics.enforcement(0).start()) {
            results = awaitResults(topics, received -> received.size() >= 1);
            assertThat(enforcement.skipped()).isEqualTo(4);
        }

        assertThat(results).as("only the good order is answered, after the four skipped records")
                .singleElement().satisfies(record -> assertWellFormed(JSON.readTree(record.value()), good));
    }

    @Test
    void anAttemptSupersededByALaterOneAndARepeatedOrderAreNotAnswered() throws Exception {
        Topics topics = Topics.unique("superseded");
        ObjectNode first = order("ACTION", 1, "SEA");
        ObjectNode second = first.deepCopy().put("attempt", 2);
        ObjectNode marker = order("ACTION", 1, "SEA");
        // all in the log before the system starts: read in one poll, as after a pause of the demo
        send(topics.orders(), "shop-1", first.toString().getBytes(StandardCharsets.UTF_8));
        send(topics.orders(), "shop-1", second.toString().getBytes(StandardCharsets.UTF_8));
        send(topics.orders(), "shop-1", second.toString().getBytes(StandardCharsets.UTF_8));

        try (DemoEnforcement enforcement = topics.enforcement(1).start()) {
            awaitResults(topics, received -> received.size() >= 1);
            send(topics.orders(), "shop-1", second.toString().getBytes(StandardCharsets.UTF_8)); // delivered again
            send(topics.orders(), "shop-1", marker.toString().getBytes(StandardCharsets.UTF_8));
            List<ConsumerRecord<String, String>> results = awaitResults(topics, received -> received.stream()
                    .anyMatch(record -> record.value().contains(marker.path("actionId").asText())));

            assertThat(results).hasSize(2);
            JsonNode answer = JSON.readTree(results.get(0).value());
            assertWellFormed(answer, second);
            assertThat(answer.path("outcome").asText()).as("a retry").isEqualTo("APPLIED");
            assertWellFormed(JSON.readTree(results.get(1).value()), marker);
        }
    }

    @Test
    void startedFromNowOnItLeavesTheOrdersAlreadyThereAlone() throws Exception {
        Topics topics = Topics.unique("from-now-on");
        ObjectNode old = order("ACTION", 1, "SEA");
        ObjectNode fresh = order("ACTION", 1, "SEA");
        send(topics.orders(), "shop-1", old.toString().getBytes(StandardCharsets.UTF_8));

        try (DemoEnforcement enforcement = topics.enforcement(0).startFromNowOn(WAIT)) {
            send(topics.orders(), "shop-1", fresh.toString().getBytes(StandardCharsets.UTF_8));
            List<ConsumerRecord<String, String>> results = awaitResults(topics, received -> received.size() >= 1);

            assertThat(results).singleElement()
                    .satisfies(record -> assertWellFormed(JSON.readTree(record.value()), fresh));
        }
    }

    @Test
    void theFailureShareIsAShareOrAPercentage() {
        assertThat(DemoEnforcement.failureShare(null, null)).isEqualTo(0.1);
        assertThat(DemoEnforcement.failureShare("0.25", null)).isEqualTo(0.25);
        assertThat(DemoEnforcement.failureShare(" 40% ", null)).isEqualTo(0.4);
        assertThat(DemoEnforcement.failureShare("0.25", "1")).as("the system property first").isEqualTo(1);
        assertThat(DemoEnforcement.failureShare("", "0")).isZero();
        for (String wrong : List.of("ten", "1.5", "-0.1", "150%", "NaN")) {
            assertThatThrownBy(() -> DemoEnforcement.failureShare(wrong, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(DemoEnforcement.FAILURE_SHARE_VARIABLE).hasMessageContaining(wrong);
        }
        assertThat(DemoEnforcement.percent(0.1)).isEqualTo("10%");
        assertThat(DemoEnforcement.percent(0.125)).isEqualTo("12.5%");
    }

    /** The contract's EnforcementResult for this order: its ids echoed, no unknown field, a valid system. */
    private static void assertWellFormed(JsonNode result, JsonNode order) {
        List<String> fields = new ArrayList<>();
        result.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).isSubsetOf(RESULT_FIELDS);
        assertThat(result.path("actionId").asText()).isEqualTo(order.path("actionId").asText());
        assertThat(result.path("attempt").isInt()).isTrue();
        assertThat(result.path("attempt").asInt()).isEqualTo(order.path("attempt").asInt());
        assertThat(result.path("caseId").asText()).isEqualTo(order.path("caseId").asText());
        assertThat(result.path("region").asText()).isEqualTo(order.path("region").asText());
        assertThat(result.path("outcome").asText()).isIn("APPLIED", "FAILED");
        assertThat(result.path("system").asText()).isEqualTo(DemoEnforcement.SYSTEM)
                .matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    }

    /** An order as the service writes it (api-specs/asyncapi, EnforcementOrder). */
    private static ObjectNode order(String kind, int attempt, String region) {
        ObjectNode order = JSON.createObjectNode()
                .put("actionId", UUID.randomUUID().toString())
                .put("attempt", attempt)
                .put("kind", kind)
                .put("caseId", UUID.randomUUID().toString())
                .put("decisionId", UUID.randomUUID().toString())
                .put("region", region)
                .put("action", "BAN_SELLER")
                .put("decidedBy", "ana.sea")
                .put("orderedAt", "2026-12-06T10:15:30Z");
        order.putObject("subject").put("kind", "SELLER").put("id", "shop-118822");
        order.putObject("parameters");
        order.putArray("policyRefs").add("seller-policy/brushing");
        return order;
    }

    private static void send(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Every result on the topic once {@code enough} holds, or what there is after a minute. */
    private static List<ConsumerRecord<String, String>> awaitResults(
            Topics topics, Predicate<List<ConsumerRecord<String, String>>> enough) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topics.results()));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!enough.test(received) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            // what else is already there (a result that should not be)
            consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        }
        return received;
    }

    private record Topics(String orders, String results, String group) {
        /** Two new topics of one partition each. */
        static Topics unique(String name) throws Exception {
            String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            Topics topics = new Topics("demo-enforcement-test." + id + ".orders",
                    "demo-enforcement-test." + id + ".results", "demo-enforcement-test-" + id);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topics.orders(), 1, (short) 1),
                        new NewTopic(topics.results(), 1, (short) 1))).all().get();
            }
            return topics;
        }

        DemoEnforcement enforcement(double failureShare) {
            return new DemoEnforcement(kafka.bootstrapServers(), orders, results, group, failureShare);
        }
    }
}
