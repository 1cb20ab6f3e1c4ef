package casebook.cases.erasure;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.Histories;
import casebook.cases.api.*;
import casebook.devstack.DevStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crypto-shredding against the real event store (docs/adr/0018): cases opened through the intake keep their personal
 * fields encrypted in PostgreSQL and readable through the API; destroying a subject's keys leaves its cases working
 * and their history replayable, with every personal field read as erased, and no other subject's case touched.
 */
@CasesAppTest
class PersonalDataErasureIT {
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataKeys personalData;
    @Autowired
    KafkaAdmin kafkaAdmin;
    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void anErasedSubjectsCasesStillWorkAndReplayWithTheirPersonalFieldsErased() throws Exception {
        String device = "dev-" + UUID.randomUUID();
        String ip = "198.51.100." + (1 + (int) (Math.random() * 250));
        String noteText = "same wording as the chat with " + device;
        Flag flag = withSignals(Actors.newSellerFlag("0.6"), device, ip);
        Flag other = withSignals(Actors.newSellerFlag("0.6"), "dev-" + UUID.randomUUID(), ip);
        CaseId erased = Actors.raise(commands, flag).caseId();
        CaseId kept = Actors.raise(commands, other).caseId();
        commands.sendAndWait(new AddNote(erased, NoteId.random(), noteText, Actors.ANALYST_SEA, null));
        commands.sendAndWait(new AddNote(kept, NoteId.random(), noteText, Actors.ANALYST_SEA, null));

        String stored = storedPayloads(erased);
        assertThat(stored).contains("\"enc\"").doesNotContain(flag.subject().id()).doesNotContain(device)
                .doesNotContain(ip).doesNotContain(noteText);
        assertThat(get("/api/v1/cases/" + erased + "/history").body())
                .contains(flag.subject().id(), device, ip, noteText);
        assertThat(personalData.casesOf(flag.subject())).containsExactly(erased);
        assertThat(personalData.casesOf(flag.subject(), new Region("US"))).isEmpty();

        List<CaseId> destroyed = personalData.destroy(flag.subject());

        assertThat(destroyed).containsExactly(erased);
        assertThat(personalData.casesOf(flag.subject())).isEmpty();
        assertThat(jdbc.sql("SELECT data_key IS NULL AND subject_id IS NULL AND erased_at IS NOT NULL "
                + "FROM personal_data_keys WHERE case_id = ?").param(erased.value()).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM case_slots WHERE case_id = ?").param(erased.value())
                .query(Long.class).single()).isZero();

        long version = commands.sendAndWait(new AssignCase(erased, "ana.sea", Actors.ANALYST_SEA, null));

        assertThat(version).isEqualTo(3);
        List<DomainEventMessage<?>> history = Histories.of(events, erased);
        assertThat(history).extracting(e -> e.getPayloadType().getSimpleName())
                .containsExactly("CaseOpened", "FlagAttached", "NoteAdded", "CaseAssigned");
        assertThat(((CaseOpened) history.get(0).getPayload()).subject())
                .isEqualTo(new SubjectRef(SubjectKind.SELLER, PersonalData.ERASED));
        Flag replayed = ((FlagAttached) history.get(1).getPayload()).flag();
        assertThat(replayed.subject().id()).isEqualTo(PersonalData.ERASED);
        assertThat(replayed.signals()).isEqualTo(new Signals(List.of(PersonalData.ERASED), List.of(PersonalData.ERASED),
                List.of(), List.of()));
        assertThat(replayed.flagId()).isEqualTo(flag.flagId());
        assertThat(replayed.score()).isEqualByComparingTo(flag.score());
        assertThat(((NoteAdded) history.get(2).getPayload()).text()).isEqualTo(PersonalData.ERASED);
        assertThat(((CaseAssigned) history.get(3).getPayload()).assignee()).isEqualTo("ana.sea");

        HttpResponse<String> erasedHistory = get("/api/v1/cases/" + erased + "/history");
        assertThat(erasedHistory.statusCode()).isEqualTo(200);
        assertThat(erasedHistory.body()).contains(PersonalData.ERASED).doesNotContain(flag.subject().id())
                .doesNotContain(device).doesNotContain(ip).doesNotContain(noteText);
        JsonNode opened = json.readTree(erasedHistory.body()).path("events").path(0);
        assertThat(opened.path("type").asText()).isEqualTo("CaseOpened");
        assertThat(opened.path("payload").path("subject").path("id").asText()).isEqualTo(PersonalData.ERASED);

        HttpResponse<String> keptHistory = get("/api/v1/cases/" + kept + "/history");
        assertThat(keptHistory.body()).contains(other.subject().id(), ip, noteText).doesNotContain(PersonalData.ERASED);
        assertThat(personalData.casesOf(other.subject())).containsExactly(kept);
    }

    /** A later flag on an erased subject opens a new case under a new key: nothing new is lost to the old erasure. */
    @Test
    void aFlagAfterErasureOpensANewCaseWhosePersonalFieldsRead() {
        Flag flag = Actors.newSellerFlag("0.6");
        CaseId first = Actors.raise(commands, flag).caseId();
        personalData.destroy(flag.subject());

        CaseId second = Actors.raise(commands, Actors.nextFlagOn(flag, flag.category())).caseId();

        assertThat(second).isNotEqualTo(first);
        assertThat(((CaseOpened) Histories.of(events, second).get(0).getPayload()).subject()).isEqualTo(flag.subject());
        assertThat(personalData.casesOf(flag.subject())).containsExactly(second);
        assertThat(storedPayloads(second)).doesNotContain(flag.subject().id());
    }

    /** Snapshots hold the aggregate's state in clear: an erasure deletes those of the subject's cases, no others. */
    @Test
    void erasureDeletesTheSnapshotsOfTheSubjectsCases() {
        Flag flag = Actors.newSellerFlag("0.6");
        Flag other = Actors.newSellerFlag("0.6");
        CaseId erased = Actors.raise(commands, flag).caseId();
        CaseId kept = Actors.raise(commands, other).caseId();
        snapshot(erased);
        snapshot(kept);

        personalData.destroy(flag.subject());

        assertThat(snapshots(erased)).isZero();
        assertThat(snapshots(kept)).isOne();
        jdbc.sql("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(kept.toString()).update();
    }

    /** Kafka keeps personal data in clear for as long as its topics retain records: a week, dead letters two. */
    @Test
    void topicsWithPersonalDataKeepRecordsForAWeekAndDeadLettersForTwo() throws Exception {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<String, String> retention = new java.util.HashMap<>();
            for (String topic : List.of("casebook.flags.v1", "casebook.flags.v1.dlt", "casebook.enforcement.v1",
                    "casebook.enforcement-results.v1.dlt", "casebook.model-feedback.v1", "casebook.appeals.v1",
                    "casebook.appeals.v1.dlt")) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                retention.put(topic, admin.describeConfigs(List.of(resource)).all().get().get(resource)
                        .get(TopicConfig.RETENTION_MS_CONFIG).value());
            }

            assertThat(retention).containsEntry("casebook.flags.v1", "604800000")
                    .containsEntry("casebook.flags.v1.dlt", "1209600000")
                    .containsEntry("casebook.enforcement.v1", "604800000")
                    .containsEntry("casebook.enforcement-results.v1.dlt", "1209600000")
                    .containsEntry("casebook.model-feedback.v1", "604800000")
                    .containsEntry("casebook.appeals.v1", "604800000")
                    .containsEntry("casebook.appeals.v1.dlt", "1209600000");
        }
    }

    private static Flag withSignals(Flag flag, String device, String ip) {
        return new Flag(flag.flagId(), flag.source(), flag.subject(), flag.region(), flag.category(), flag.score(),
                flag.recommendation(), flag.moneyAtRisk(), new Signals(List.of(device), List.of(ip), List.of(), List.of()),
                flag.observedAt());
    }

    private String storedPayloads(CaseId caseId) {
        return String.join("\n", jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number").param(caseId.toString())
                .query(String.class).list());
    }

    /** A snapshot row standing in for one Axon writes every 100 events (same table, the case's state in clear). */
    private void snapshot(CaseId caseId) {
        jdbc.sql("""
                        INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (?, -1, 'RiskCase', ?, ?, ?, NULL, 'casebook.cases.domain.RiskCase', '2026-12-04T00:00:00Z')""")
                .params(caseId.toString(), UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8))
                .update();
    }

    private long snapshots(CaseId caseId) {
        return jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(caseId.toString()).query(Long.class).single();
    }

    private HttpResponse<String> get(String path) throws Exception {
        String token = DevStack.shared().keycloak().passwordToken("ana.sea", "ana.sea");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
