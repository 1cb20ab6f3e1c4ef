package casebook.audit.verifier;

import casebook.audit.tlog.CaseBundle;
import casebook.audit.tlog.EventLog;
import casebook.audit.tlog.NoteSigner;
import casebook.audit.tlog.StoredEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command an auditor runs, on files as they would receive them: what it prints and the exit status. */
class VerifyTest {
    static final String ORIGIN = "casebook.example/events";
    static final String CASE = "8d1f0c36-5a1e-4b8e-9d61-2f7c4a7c9e01";
    final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;
    NoteSigner signer;
    EventLog log;
    Path keyFile;

    record Run(int status, String out, String err) {
    }

    Run verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Verify.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void aLogWithACase() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        signer = new NoteSigner(ORIGIN, keys.getPrivate(), keys.getPublic());
        keyFile = Files.writeString(dir.resolve("casebook-log.pub"), signer.verifierKey() + "\n");
        log = new EventLog(ORIGIN);
        for (int i = 0; i < 4; i++) {
            log.append(new StoredEvent(CASE, i, "event-" + i, "RiskCase", "casebook.cases.api.NoteAdded", "2",
                    "2026-12-06T10:00:0" + i + "Z", "{\"actor\":\"ana.sea\"}".getBytes(StandardCharsets.UTF_8),
                    ("{\"text\":\"note " + i + "\"}").getBytes(StandardCharsets.UTF_8)));
            log.append(new StoredEvent("other-" + i, 0, "other-" + i, "RiskCase", "casebook.cases.api.CaseOpened",
                    "1", "2026-12-06T10:00:00Z", null, "{}".getBytes(StandardCharsets.UTF_8)));
        }
    }

    Path exported() throws Exception {
        CaseBundle bundle = log.bundle(CASE, log.checkpoint(signer, Instant.parse("2026-12-06T10:05:00Z")),
                signer.verifierKey());
        return Files.writeString(dir.resolve("case.json"), json.writeValueAsString(bundle));
    }

    @Test
    void anUntouchedExportVerifies() throws Exception {
        Run run = verify("case", exported().toString(), "--key", "@" + keyFile);

        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("VERIFIED " + CASE + ": 4 events").contains("log of 8 events")
                .contains("2026-12-06T10:05:00Z");
    }

    @Test
    void aByteFlippedInOneExportedEventFailsNamingIt() throws Exception {
        Path file = exported();
        ObjectNode bundle = (ObjectNode) json.readTree(file.toFile());
        ObjectNode event = (ObjectNode) bundle.path("events").path(2).path("event");
        byte[] payload = Base64.getDecoder().decode(event.path("payload").asText());
        payload[3] ^= 0x20;
        event.put("payload", Base64.getEncoder().encodeToString(payload));
        Files.writeString(file, bundle.toString());

        Run run = verify("case", file.toString(), "--key", signer.verifierKey());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("FAILED " + CASE).contains("event 2 (event-2)").contains("altered");
    }

    @Test
    void aCutOffTailFails() throws Exception {
        Path file = exported();
        ObjectNode bundle = (ObjectNode) json.readTree(file.toFile());
        ((ArrayNode) bundle.path("events")).remove(3);
        Files.writeString(file, bundle.toString());

        Run run = verify("case", file.toString(), "--key", "@" + keyFile);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("events from 3 on are cut off");
    }

    @Test
    void anotherKeyOrAnUnreadableFileIsNotAPass() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String otherKey = new NoteSigner(ORIGIN, other.getPrivate(), other.getPublic()).verifierKey();
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"events\": 12");

        assertThat(verify("case", exported().toString(), "--key", otherKey).status()).isEqualTo(1);
        Run unreadable = verify("case", garbage.toString(), "--key", "@" + keyFile);
        assertThat(unreadable.status()).isEqualTo(2);
        assertThat(unreadable.err()).contains("is not a case bundle");
        assertThat(verify("case", exported().toString()).status()).isEqualTo(2);
        assertThat(verify("case", dir.resolve("missing.json").toString(), "--key", "@" + keyFile).status())
                .isEqualTo(2);
    }

    @Test
    void aWitnessChecksThatTheLogOnlyGrewBetweenTwoCheckpoints() throws Exception {
        Path older = Files.writeString(dir.resolve("older.checkpoint"), log.checkpoint(signer, Instant.now()));
        long olderSize = log.size();
        log.append(new StoredEvent(CASE, 4, "event-4", "RiskCase", "casebook.cases.api.CaseClosed", "1",
                "2026-12-06T11:00:00Z", null, "{}".getBytes(StandardCharsets.UTF_8)));
        Path newer = Files.writeString(dir.resolve("newer.checkpoint"), log.checkpoint(signer, Instant.now()));
        Path proof = Files.writeString(dir.resolve("proof.json"), json.writeValueAsString(Map.of("first", olderSize,
                "second", log.size(), "proof", log.consistencyProof(olderSize, log.size()))));
        Path wrongProof = Files.writeString(dir.resolve("wrong.json"), json.writeValueAsString(Map.of("proof",
                List.of(new byte[32]))));

        Run grew = verify("consistency", older.toString(), newer.toString(), proof.toString(), "--key", "@" + keyFile);
        Run forged = verify("consistency", older.toString(), newer.toString(), wrongProof.toString(), "--key",
                "@" + keyFile);

        assertThat(grew.status()).as(grew.out() + grew.err()).isEqualTo(0);
        assertThat(grew.out()).contains("append-only");
        assertThat(forged.status()).isEqualTo(1);
        assertThat(forged.out()).contains("rewritten or forked");
    }
}
