package casebook.cases.flag;

import casebook.cases.CasesAppTest;
import casebook.cases.infrastructure.kafka.DeadLetterReader;
import casebook.cases.infrastructure.kafka.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static casebook.cases.infrastructure.kafka.DeadLetterReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Flags over Kafka: good ones become cases, bad ones reach the dead-letter topic and the consumer carries on. */
@CasesAppTest
class FlagListenerIT {
    static DeadLetterReader deadLetters;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void listenToDeadLetters(@Value("${spring.kafka.bootstrap-servers}") String servers) {
        deadLetters = new DeadLetterReader(servers, "casebook.flags.v1.dlt");
    }

    @AfterAll
    static void close() {
        deadLetters.close();
    }

    static String flagJson(String flagId, String shop, String extra) {
        return """
                {"flagId": "%s", "source": {"kind": "RULE", "id": "coupon-velocity", "version": "7"},
                 "subject": {"kind": "SELLER", "id": "%s"}, "region": "SEA", "category": "INCENTIVE_ABUSE",
                 "score": 0.66, "observedAt": "2026-11-20T08:15:00Z"%s}""".formatted(flagId, shop, extra);
    }

    void send(String key, String value) throws Exception {
        kafka.send(new ProducerRecord<>("casebook.flags.v1", key, value.getBytes(StandardCharsets.UTF_8))).get();
    }

    boolean claimed(String flagId) {
        return jdbc.sql("SELECT count(*) FROM flag_claims WHERE flag_id = ? AND case_id IS NOT NULL")
                .param(flagId).query(Long.class).single() == 1;
    }

    ConsumerRecord<String, byte[]> deadLetterWithKey(String key) {
        return deadLetters.withKey(key);
    }

    @Test
    void aFlagOnKafkaOpensACase() throws Exception {
        String flagId = "k-" + UUID.randomUUID();
        send("SEA/SELLER/shop-k1/INCENTIVE_ABUSE", flagJson(flagId, "shop-" + UUID.randomUUID(), ""));
        await().atMost(CasesAppTest.PATIENCE).until(() -> claimed(flagId));
    }

    @Test
    void unreadableJsonGoesToTheDeadLetterTopicAndTheNextFlagStillLands() throws Exception {
        String badKey = "bad-" + UUID.randomUUID();
        send(badKey, "{not json");
        String flagId = "k-" + UUID.randomUUID();
        send("good-" + UUID.randomUUID(), flagJson(flagId, "shop-" + UUID.randomUUID(), ""));

        ConsumerRecord<String, byte[]> letter = deadLetterWithKey(badKey);
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("unreadable-json");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        await().atMost(CasesAppTest.PATIENCE).until(() -> claimed(flagId));
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheField() throws Exception {
        String key = "unknown-" + UUID.randomUUID();
        String flagId = "k-" + UUID.randomUUID();
        send(key, flagJson(flagId, "shop-x", ", \"priority\": \"P1\""));

        ConsumerRecord<String, byte[]> letter = deadLetterWithKey(key);
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("invalid-flag");
        assertThat(header(letter, DeadLetters.DETAIL)).contains("priority");
        assertThat(claimed(flagId)).isFalse();
    }

    @Test
    void anOutOfRangeScoreIsRefusedNamingTheField() throws Exception {
        String key = "range-" + UUID.randomUUID();
        send(key, flagJson("k-" + UUID.randomUUID(), "shop-y", "").replace("0.66", "1.5"));

        ConsumerRecord<String, byte[]> letter = deadLetterWithKey(key);
        assertThat(header(letter, DeadLetters.DETAIL)).contains("score");
    }

    /**
     * The poison flags: valid JSON that the database or the domain could not take (a null inside a signal
     * list, a NUL in a text column). Each goes to the dead-letter topic naming the field, and twelve good flags with
     * twelve different keys (so on every partition of both listener threads) sent after them all land.
     */
    @Test
    void poisonFlagsAreDeadLetteredAndTwelveGoodFlagsBehindThemAllLand() throws Exception {
        String nullSignal = "null-" + UUID.randomUUID();
        String nulText = "nul-" + UUID.randomUUID();
        String nullFlagId = "k-" + UUID.randomUUID();
        String nulFlagId = "k-" + UUID.randomUUID();
        send(nullSignal, flagJson(nullFlagId, "shop-" + UUID.randomUUID(), ", \"signals\": {\"ips\": [\"203.0.113.9\", null]}"));
        send(nulText, flagJson(nulFlagId, "shop-\\u0000-" + UUID.randomUUID(), ""));
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String flagId = "k-" + UUID.randomUUID();
            good.add(flagId);
            send("SEA/SELLER/shop-" + UUID.randomUUID() + "/INCENTIVE_ABUSE", flagJson(flagId, "shop-" + UUID.randomUUID(), ""));
        }

        ConsumerRecord<String, byte[]> nullLetter = deadLetterWithKey(nullSignal);
        assertThat(header(nullLetter, DeadLetters.REASON)).isEqualTo("invalid-flag");
        assertThat(header(nullLetter, DeadLetters.DETAIL)).contains("signals.ips[1]");
        assertThat(header(nullLetter, "casebook-dlt-original-topic")).isEqualTo("casebook.flags.v1");
        ConsumerRecord<String, byte[]> nulLetter = deadLetterWithKey(nulText);
        assertThat(header(nulLetter, DeadLetters.REASON)).isEqualTo("invalid-flag");
        assertThat(header(nulLetter, DeadLetters.DETAIL)).contains("subject.id");
        await().atMost(CasesAppTest.PATIENCE).until(() -> good.stream().allMatch(this::claimed));
        assertThat(claimed(nullFlagId)).isFalse();
        assertThat(claimed(nulFlagId)).isFalse();
    }

    @Test
    void aDeadLetterIsCountedByTopicAndReason() throws Exception {
        double before = deadLettersCounted("invalid-flag");
        String key = "counted-" + UUID.randomUUID();
        send(key, flagJson("k-" + UUID.randomUUID(), "shop-z", "").replace("0.66", "2"));

        deadLetterWithKey(key);
        // counted once Kafka acknowledged the dead letter, which a reader of the topic may see a moment earlier
        await().atMost(CasesAppTest.PATIENCE)
                .untilAsserted(() -> assertThat(deadLettersCounted("invalid-flag")).isGreaterThanOrEqualTo(before + 1));
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    double deadLettersCounted(String reason) {
        var counter = metrics.find("casebook.dead.letters").tag("topic", "casebook.flags.v1.dlt").tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
