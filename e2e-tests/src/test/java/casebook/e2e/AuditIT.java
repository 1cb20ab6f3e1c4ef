package casebook.e2e;

import casebook.audit.tlog.BundleVerifier;
import casebook.audit.tlog.CaseBundle;
import casebook.audit.tlog.NoteVerifier;
import casebook.client.api.CasebookApi;
import casebook.client.model.Assignment;
import casebook.client.model.Case;
import casebook.client.model.CaseEvent;
import casebook.client.model.CaseExport;
import casebook.client.model.CaseHistory;
import casebook.client.model.CaseReadsItemsInner;
import casebook.client.model.Escalation;
import casebook.client.model.NoteAdded;
import casebook.client.model.ConsistencyProof;
import casebook.client.model.NewNote;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static casebook.e2e.Problems.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auditors prove a case's history to an outsider: the export through the generated client verifies with the
 * offline verifier (its jar, one command) against the published key; a flipped byte is named; the log only grows
 * between two checkpoints; as of an instant, the case rebuilt from the event store is the one people were shown then;
 * a regional auditor does not find another region's case and analysts cannot export.
 */
@EndToEnd
class AuditIT {
    private final Casebook casebook;
    private final CasebookApi audrey;
    private final ObjectMapper plain = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    AuditIT(Casebook casebook) {
        this.casebook = casebook;
        this.audrey = casebook.as("audrey");
    }

    record Run(int status, String output) {
    }

    /** The offline verifier as an auditor runs it: {@code java -jar casebook-verifier.jar ...}, nothing of Casebook. */
    static Run verifier(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command()
                .orElse("java"), "-jar", System.getProperty("casebook.e2e.verifier-jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void anExportVerifiesOfflineWithThePublishedKeyAndAFlippedByteIsNamed(@TempDir Path dir) throws Exception {
        UUID caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();
        casebook.as("ana.sea").addNote(caseId, new NewNote().text("Seller coaches buyers in chat."), null, null);

        CaseExport export = audrey.exportCase(caseId, null);
        Path key = Files.writeString(dir.resolve("casebook-log.pub"), casebook.as("ana.sea").getVerifierKey());
        Path file = Files.writeString(dir.resolve("case.json"), casebook.json().writeValueAsString(export));

        assertThat(export.getEvents()).hasSizeGreaterThanOrEqualTo(3); // opened, flag attached, note
        Run verified = verifier("case", file.toString(), "--key", "@" + key);
        assertThat(verified.status()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("VERIFIED " + caseId);

        ObjectNode tampered = (ObjectNode) casebook.json().readTree(file.toFile());
        ObjectNode second = (ObjectNode) tampered.path("events").path(1).path("event");
        byte[] payload = Base64.getDecoder().decode(second.path("payload").asText());
        payload[payload.length / 2] ^= 0x01;
        second.put("payload", Base64.getEncoder().encodeToString(payload));
        Path flipped = Files.writeString(dir.resolve("tampered.json"), tampered.toString());
        Run failed = verifier("case", flipped.toString(), "--key", "@" + key);
        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.output()).contains("event 1 (" + second.path("eventIdentifier").asText() + ")");
    }

    /** As of any instant, the case an auditor rebuilds from the event store is the one people were shown then. */
    @Test
    void asOfAnInstantTheHistoryShowsTheCaseAsItWasShownThen() throws Exception {
        UUID caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();
        CasebookApi anaSea = casebook.as("ana.sea");
        NoteAdded note = anaSea.addNote(caseId, new NewNote().text("Seller coaches buyers in chat."), null, null);
        Case seen = Search.eventually().until(() -> anaSea.getCase(caseId, null, null), c -> c.getVersion() >= note.getVersion());
        anaSea.assignCase(caseId, new Assignment().assignee("ana.sea"), null, null);
        anaSea.escalateCase(caseId, new Escalation().reason("Organised ring across shops."), null, null);

        List<CaseEvent> all = audrey.getCaseHistory(caseId, null, null).getEvents();
        OffsetDateTime then = all.stream().filter(e -> e.getSequence().equals(seen.getVersion())).findFirst()
                .orElseThrow().getOccurredAt();
        CaseHistory asOf = audrey.getCaseHistory(caseId, null, then);
        CaseHistory before = audrey.getCaseHistory(caseId, null, all.get(0).getOccurredAt().minusSeconds(1));

        assertThat(all).hasSizeGreaterThan(asOf.getEvents().size());
        assertThat(asOf.getEvents()).extracting(CaseEvent::getSequence)
                .containsExactly(java.util.stream.LongStream.rangeClosed(0, seen.getVersion()).boxed()
                        .toArray(Long[]::new));
        JsonNode rebuilt = casebook.json().valueToTree(asOf.getState());
        JsonNode shown = casebook.json().valueToTree(seen);
        assertThat(rebuilt).isEqualTo(shown);
        assertThat(asOf.getState().getAssignee()).isNull();
        assertThat(before.getEvents()).isEmpty();
        assertThat(before.getState()).isNull();
        UUID us = casebook.detector("detector-us").raiseFlag(Flags.brushing("US"), null).getCaseId();
        assertThat(refused(() -> casebook.as("aude.sea").getCaseHistory(us, null, then)).status()).isEqualTo(404);
    }

    /** Auditors' and legal's reads of a case are recorded with the reason they give; auditors query them. */
    @Test
    void readsByAuditorsAndLegalAreRecordedWithTheirReasonForAuditorsOfTheRegion() throws Exception {
        UUID sea = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();
        UUID us = casebook.detector("detector-us").raiseFlag(Flags.brushing("US"), null).getCaseId();
        CasebookApi lex = casebook.as("lex");

        audrey.getCaseHistory(sea, "SAR-2026-14", null);
        lex.exportCase(sea, "BKA-2026-4471");
        casebook.as("ana.sea").getCaseHistory(sea, "not recorded: an analyst's daily work", null);
        lex.getCaseHistory(us, "FTC-17", null);

        List<CaseReadsItemsInner> ofSea = audrey.searchCaseReads(sea, null, 0, 50).getItems();
        assertThat(ofSea).extracting(r -> r.getReader() + " " + r.getOperation() + " " + r.getReason())
                .containsExactly("lex exportCase BKA-2026-4471", "audrey getCaseHistory SAR-2026-14");
        assertThat(ofSea.get(0).getRoles()).containsExactly("LEGAL");
        CasebookApi aude = casebook.as("aude.sea");
        assertThat(aude.searchCaseReads(us, null, 0, 50).getItems()).isEmpty();
        assertThat(aude.searchCaseReads(sea, "lex", 0, 50).getItems()).hasSize(1);
        assertThat(refused(() -> casebook.as("ana.sea").searchCaseReads(sea, null, 0, 50)).status()).isEqualTo(403);
        assertThat(refused(() -> lex.searchCaseReads(sea, null, 0, 50)).status()).isEqualTo(403);
    }

    @Test
    void theLogOnlyGrowsBetweenTwoCheckpointsAWitnessKeeps() throws Exception {
        String older = audrey.issueCheckpoint();
        casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null);
        casebook.detector("detector-us").raiseFlag(Flags.brushing("US"), null);
        String newer = audrey.issueCheckpoint();
        long olderSize = Long.parseLong(older.split("\n")[1]);
        long newerSize = Long.parseLong(newer.split("\n")[1]);
        ConsistencyProof proof = audrey.getConsistencyProof(olderSize, newerSize);

        BundleVerifier witness = new BundleVerifier(NoteVerifier.parse(audrey.getVerifierKey()));
        assertThat(newerSize).isGreaterThan(olderSize);
        assertThat(witness.inconsistency(older, newer, proof.getProof())).isNull();
        assertThat(audrey.getLatestCheckpoint()).isEqualTo(newer);
        assertThat(witness.inconsistency(newer, older, List.of())).contains("truncated");
    }

    @Test
    void aRegionalAuditorFindsOnlyItsRegionAndAnalystsCannotExport() throws Exception {
        UUID sea = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();
        UUID us = casebook.detector("detector-us").raiseFlag(Flags.brushing("US"), null).getCaseId();
        CasebookApi aude = casebook.as("aude.sea");

        CaseBundle bundle = plain.readValue(casebook.json().writeValueAsString(aude.exportCase(sea, null)), CaseBundle.class);

        assertThat(new BundleVerifier(NoteVerifier.parse(aude.getVerifierKey())).verify(bundle).valid()).isTrue();
        assertThat(refused(() -> aude.exportCase(us, null)).status()).isEqualTo(404);
        assertThat(refused(() -> aude.exportCase(UUID.randomUUID(), null)).status()).isEqualTo(404);
        assertThat(refused(() -> casebook.as("ana.sea").exportCase(sea, null)).status()).isEqualTo(403);
        assertThat(refused(() -> casebook.as("lex").getConsistencyProof(5L, 2L)).problem().getCode())
                .isEqualTo("invalid-sizes");
    }
}
