package casebook.cases.audit;

import casebook.audit.tlog.BundleVerifier;
import casebook.audit.tlog.CaseBundle;
import casebook.audit.tlog.InMemoryLeaves;
import casebook.audit.tlog.MerkleTree;
import casebook.audit.tlog.NoteVerifier;
import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.api.AddNote;
import casebook.cases.api.CaseId;
import casebook.cases.api.NoteId;
import casebook.cases.erasure.PersonalDataKeys;
import casebook.devstack.DevStack;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log kept over the real event store: a case's export verifies offline against the published key alone, the log
 * only grows between checkpoints, and a row edited directly in PostgreSQL is named by the next verification.
 */
@CasesAppTest
class AuditLogIT {
    @Autowired
    CommandGateway commands;
    @Autowired
    AuditLog auditLog;
    @Autowired
    LogVerification verification;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataKeys keys;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @LocalServerPort
    int port;

    CaseId caseWithNotes(int notes) {
        CaseId caseId = Actors.raise(commands, Actors.newSellerFlag("0.91")).caseId();
        for (int i = 0; i < notes; i++) {
            commands.sendAndWait(new AddNote(caseId, NoteId.random(), "note " + i, Actors.ANALYST_SEA, null));
        }
        return caseId;
    }

    /**
     * The stored log keeps perfect subtrees only from {@link AuditLog#LOWEST_STORED_LEVEL} up and hashes the lower ones
     * from the leaf rows again: its roots and proofs at every size equal those of a tree built in memory from the same
     * leaves, which is what the offline verifier rebuilds.
     */
    @Test
    void theStoredLogAnswersTheSameRootsAndProofsAsATreeBuiltFromItsLeaves() {
        caseWithNotes(40);
        long size = auditLog.checkpoint().size();
        assertThat(size).isGreaterThan(2L << AuditLog.LOWEST_STORED_LEVEL);
        MerkleTree reference = InMemoryLeaves.ofEntries(jdbc.sql(
                "SELECT event_hash FROM audit_log_leaves WHERE leaf_index < :size ORDER BY leaf_index")
                .param("size", size).query(byte[].class).list()).tree();
        MerkleTree stored = new MerkleTree(auditLog.storedSubtrees());
        Random random = new Random(size);
        for (long n = Math.max(1, size - 70); n <= size; n++) {
            assertThat(stored.root(n)).as("root at %d", n).isEqualTo(reference.root(n));
            long leaf = random.nextLong(n);
            assertThat(stored.inclusionProof(leaf, n)).as("inclusion of %d in %d", leaf, n)
                    .containsExactlyElementsOf(reference.inclusionProof(leaf, n));
            long first = random.nextLong(n + 1);
            assertThat(stored.consistencyProof(first, n)).as("consistency %d..%d", first, n)
                    .containsExactlyElementsOf(reference.consistencyProof(first, n));
        }
    }

    @Test
    void aCasesExportVerifiesAgainstThePublishedKeyAndTheLogOnlyGrows() {
        CaseId caseId = caseWithNotes(2);
        AuditLog.Issued before = auditLog.checkpoint();

        CaseId later = caseWithNotes(1);
        AuditLog.Bundle exported = auditLog.bundle(later.toString()).orElseThrow();
        BundleVerifier verifier = new BundleVerifier(NoteVerifier.parse(auditLog.verifierKey()));
        BundleVerifier.Verdict verdict = verifier.verify(exported.bundle());

        assertThat(verdict.problem()).isNull();
        assertThat(verdict.events()).isEqualTo(exported.bundle().events().size()).isGreaterThanOrEqualTo(2);
        assertThat(exported.unsealedEvents()).isZero();
        AuditLog.Issued after = auditLog.latestCheckpoint().orElseThrow();
        assertThat(after.size()).isGreaterThan(before.size());
        assertThat(verifier.inconsistency(before.signedNote(), after.signedNote(),
                auditLog.consistencyProof(before.size(), after.size()))).isNull();
        assertThat(verifier.verify(auditLog.bundle(caseId.toString()).orElseThrow().bundle()).valid()).isTrue();
        assertThat(auditLog.bundle("no-such-stream")).isEmpty();
    }

    @Test
    void anAuditorExportsACaseOverRestAndTheFileVerifiesOfflineWhileOthersAreRefused() throws Exception {
        CaseId caseId = caseWithNotes(1);

        HttpResponse<String> export = get("audrey", "/api/v1/cases/" + caseId + "/export");
        HttpResponse<String> key = get("ana.sea", "/api/v1/audit/verifier-key");
        HttpResponse<String> byAnalyst = get("ana.sea", "/api/v1/cases/" + caseId + "/export");
        HttpResponse<String> unknown = get("lex", "/api/v1/cases/" + UUID.randomUUID() + "/export");
        HttpResponse<String> latest = get("audrey", "/api/v1/audit/checkpoints/latest");
        HttpResponse<String> badSizes = get("audrey", "/api/v1/audit/consistency?first=5&second=2");

        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        CaseBundle bundle = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(export.body(), CaseBundle.class);
        assertThat(key.body()).isEqualTo(auditLog.verifierKey());
        BundleVerifier.Verdict verdict = new BundleVerifier(NoteVerifier.parse(key.body())).verify(bundle);
        assertThat(verdict.problem()).isNull();
        assertThat(bundle.events()).hasSize(3); // opened, flag attached, note
        assertThat(byAnalyst.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.body()).startsWith(auditLog.origin() + "\n");
        assertThat(badSizes.statusCode()).isEqualTo(400);
        assertThat(badSizes.body()).contains("invalid-sizes");
    }

    /** Crypto-shredding changes no stored byte: after the case's key is destroyed its export still verifies. */
    @Test
    void aCaseWhosePersonalDataWasErasedStillVerifies() {
        CaseId caseId = caseWithNotes(1);
        BundleVerifier verifier = new BundleVerifier(NoteVerifier.parse(auditLog.verifierKey()));
        CaseBundle before = auditLog.bundle(caseId.toString()).orElseThrow().bundle();

        assertThat(keys.destroy(caseId)).isTrue();
        CaseBundle after = auditLog.bundle(caseId.toString()).orElseThrow().bundle();

        assertThat(verifier.verify(after).problem()).isNull();
        assertThat(after.events()).hasSameSizeAs(before.events());
        for (int i = 0; i < after.events().size(); i++) {
            assertThat(after.events().get(i).event().payload()).isEqualTo(before.events().get(i).event().payload());
        }
        assertThat(new String(after.events().get(2).event().payload(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("note 0").contains("\"enc\"");
    }

    /** A witness can keep checkpoints as files: each size's own and the latest, exactly as signed. */
    @Test
    void aCheckpointIsWrittenAsFilesAWitnessCanKeep(@TempDir Path directory) throws Exception {
        caseWithNotes(0);
        AuditLogProperties withFiles = new AuditLogProperties(auditLog.origin(), Path.of("unused"), false, null, 0,
                null, null, directory, "casebook.checkpoints.v1");
        AuditLog.Issued checkpoint = auditLog.checkpoint();

        new CheckpointPublisher(kafka, withFiles).publish(checkpoint);

        assertThat(Files.readString(directory.resolve(checkpoint.size() + ".checkpoint")))
                .isEqualTo(checkpoint.signedNote());
        assertThat(Files.readString(directory.resolve("latest.checkpoint"))).isEqualTo(checkpoint.signedNote());
    }

    HttpResponse<String> get(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + DevStack.shared().keycloak().passwordToken(user, user))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRowEditedInPostgresIsNamedByTheNextVerificationAndTheExportFailsOffline() {
        CaseId caseId = caseWithNotes(2);
        auditLog.checkpoint();
        assertThat(verification.verify().problems()).isEmpty();
        String stream = caseId.toString();
        String eventId = jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = :s"
                + " AND sequence_number = 1").param("s", stream).query(String.class).single();
        byte[] original = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE event_identifier = :id")
                .param("id", eventId).query(byte[].class).single();
        try {
            jdbc.sql("UPDATE domain_event_entry SET meta_data = convert_to('{\"actor\":\"mallory\"}', 'UTF8')"
                    + " WHERE event_identifier = :id").param("id", eventId).update();

            LogVerification.Result result = verification.verify();

            assertThat(result.verified()).isFalse();
            assertThat(result.problems()).extracting(LogVerification.Problem::eventIdentifier).contains(eventId);
            assertThat(result.problems()).filteredOn(p -> eventId.equals(p.eventIdentifier()))
                    .extracting(LogVerification.Problem::sequenceNumber).containsExactly(1L);
            CaseBundle tampered = auditLog.bundle(stream).orElseThrow().bundle();
            BundleVerifier.Verdict verdict = new BundleVerifier(NoteVerifier.parse(auditLog.verifierKey()))
                    .verify(tampered);
            assertThat(verdict.valid()).isFalse();
            assertThat(verdict.firstBadSequence()).isEqualTo(1);
        } finally {
            jdbc.sql("UPDATE domain_event_entry SET meta_data = :original WHERE event_identifier = :id")
                    .param("original", original).param("id", eventId).update();
        }
        assertThat(verification.verify().problems()).isEmpty();
    }
}
