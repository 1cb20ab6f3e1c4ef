package casebook.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The platform's data folder: a stack stopped and started again on it finds what was written (a database row, a
 * topic record and the offset a consumer group committed, an index document, a Keycloak user who can log in), on
 * the same Kafka cluster; started empty ({@code infra/platform --fresh}) it finds none of it.
 */
class DataFolderTest {

    private static final String DATABASE = "casebook";
    private static final String TOPIC = "restart-check.flags";
    private static final String GROUP = "restart-check";
    private static final String INDEX = "restart-check-cases";
    private static final String USER = "restart.check";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aStackStartedAgainOnItsDataFolderFindsEverythingAndAnEmptyStartFindsNothing() throws Exception {
        // not @TempDir: the service user that runs PostgreSQL and Elasticsearch must reach the folder
        Path folder = Folders.temporary("casebook-data-folder-test-");
        try {
            startStopStartAndStartEmpty(new DevStackConfig(0, 0, 0, 0, folder.resolve("platform-data")));
        } finally {
            Folders.delete(folder);
        }
    }

    private void startStopStartAndStartEmpty(DevStackConfig config) throws Exception {
        String clusterId;
        try (DevStack stack = DevStack.start(config)) {
            assertThat(Platform.storedEvents(stack.postgres())).as("events in a new platform").isZero();
            writeRow(stack.postgres());
            produceAndCommit(stack.kafka());
            clusterId = clusterId(stack.kafka());
            indexDocument(stack.elasticsearch());
            createUser(stack.keycloak());
            assertThat(stack.keycloak().passwordToken(USER, USER)).isNotBlank();
        }

        try (DevStack stack = DevStack.start(config)) {
            assertThat(readRow(stack.postgres())).isEqualTo("brushing-7f3a9c1e");
            assertThat(Platform.storedEvents(stack.postgres())).as("events kept: no demo data again").isEqualTo(1);
            assertThat(clusterId(stack.kafka())).as("the same Kafka cluster, not a new format").isEqualTo(clusterId);
            assertThat(committedOffset(stack.kafka())).isEqualTo(1L);
            assertThat(recordsFromTheStart(stack.kafka())).containsExactly("shop-118822");
            assertThat(documentStatus(stack.elasticsearch())).isEqualTo(200);
            assertThat(stack.keycloak().passwordToken(USER, USER)).as("a user created after the realm import")
                    .isNotBlank();
        }

        try (DevStack stack = DevStack.startEmpty(config)) {
            assertThat(Platform.storedEvents(stack.postgres())).isZero();
            assertThatThrownBy(() -> readRow(stack.postgres())).isInstanceOf(SQLException.class);
            assertThat(clusterId(stack.kafka())).isNotEqualTo(clusterId);
            assertThat(committedOffset(stack.kafka())).isNull();
            assertThat(documentStatus(stack.elasticsearch())).isEqualTo(404);
            assertThatThrownBy(() -> stack.keycloak().passwordToken(USER, USER)).hasMessageContaining("HTTP 401");
            assertThat(stack.keycloak().passwordToken("ana.sea", "ana.sea")).as("the realm imported again")
                    .isNotBlank();
        }
    }

    private static void writeRow(PostgresServer postgres) throws SQLException {
        postgres.createDatabase(DATABASE);
        try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
            // the table the platform counts to decide whether to load demo data
            statement.execute("create table domain_event_entry (event_identifier text primary key)");
            statement.execute("insert into domain_event_entry values ('brushing-7f3a9c1e')");
        }
    }

    private static String readRow(PostgresServer postgres) throws SQLException {
        try (Connection connection = connect(postgres); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select event_identifier from domain_event_entry")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static Connection connect(PostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
    }

    private static void produceAndCommit(KafkaServer kafka) throws Exception {
        try (Admin admin = admin(kafka)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "shop-118822", "{\"flagId\":\"brushing-7f3a9c1e\"}")).get();
        }
        try (KafkaConsumer<String, String> consumer = consumer(kafka, GROUP)) {
            consumer.subscribe(List.of(TOPIC));
            List<ConsumerRecord<String, String>> received = poll(consumer);
            assertThat(received).hasSize(1);
            consumer.commitSync();
        }
    }

    private static Long committedOffset(KafkaServer kafka) throws Exception {
        try (Admin admin = admin(kafka)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(new TopicPartition(TOPIC, 0));
            return offset == null ? null : offset.offset();
        }
    }

    private static List<String> recordsFromTheStart(KafkaServer kafka) {
        try (KafkaConsumer<String, String> consumer = consumer(kafka, GROUP + "-reader")) {
            consumer.subscribe(List.of(TOPIC));
            return poll(consumer).stream().map(ConsumerRecord::key).toList();
        }
    }

    private static String clusterId(KafkaServer kafka) throws Exception {
        try (Admin admin = admin(kafka)) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        }
    }

    private static Admin admin(KafkaServer kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static KafkaConsumer<String, String> consumer(KafkaServer kafka, String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
    }

    /** Polls until one record came, for up to 30 s. */
    private static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (received.isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        }
        return received;
    }

    private void indexDocument(ElasticsearchServer elasticsearch) throws Exception {
        HttpResponse<String> indexed = http.send(HttpRequest.newBuilder(
                        URI.create(elasticsearch.httpUrl() + "/" + INDEX + "/_doc/case-1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"subjectId\":\"shop-118822\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);
    }

    private int documentStatus(ElasticsearchServer elasticsearch) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(elasticsearch.httpUrl() + "/" + INDEX + "/_doc/case-1"))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A user created through Keycloak's admin API, after the realm import: only Keycloak's database holds it. */
    private void createUser(KeycloakServer keycloak) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN + "&password="
                + URLEncoder.encode(KeycloakServer.ADMIN, StandardCharsets.UTF_8);
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(
                        URI.create(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String adminToken = JSON.readTree(token.body()).path("access_token").asText();
        Map<String, Object> user = Map.of("username", USER, "enabled", true, "emailVerified", true,
                "firstName", "Restart", "lastName", "Check", "email", USER + "@casebook.test",
                "attributes", Map.of("regions", List.of("SEA")),
                "credentials", List.of(Map.of("type", "password", "value", USER, "temporary", false)));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                        URI.create(keycloak.baseUrl() + "/admin/realms/" + keycloak.realm() + "/users"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isIn(Set.of(201));
    }
}
