package casebook.audit.tlog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an auditor's offline check catches in a case's bundle: a flipped byte, a removed, inserted or reordered event,
 * a cut-off tail (also with a forged head), a checkpoint not signed by the published key; and between two checkpoints
 * a witness holds: an extension holds, a fork or a truncation does not.
 */
class BundleVerifierTest {
    static final String ORIGIN = "casebook.example/events";
    static final String CASE = UUID.randomUUID().toString();
    static final String OTHER = UUID.randomUUID().toString();

    NoteSigner signer;
    EventLog log;
    BundleVerifier verifier;

    static StoredEvent event(String stream, long sequence, String type, String payload) {
        return new StoredEvent(stream, sequence, UUID.nameUUIDFromBytes((stream + sequence).getBytes()).toString(),
                "RiskCase", "casebook.cases.api." + type, "1", "2026-12-06T10:00:0" + sequence + "Z",
                ("{\"actor\":\"ana.sea\",\"traceId\":\"t-" + sequence + "\"}").getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void aLogOfTwoCasesInterleaved() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        signer = new NoteSigner(ORIGIN, keys.getPrivate(), keys.getPublic());
        verifier = new BundleVerifier(NoteVerifier.parse(signer.verifierKey()));
        log = new EventLog(ORIGIN);
        String[] types = {"CaseOpened", "FlagAttached", "CaseAssigned", "NoteAdded", "DecisionProposed"};
        for (int i = 0; i < types.length; i++) {
            log.append(event(CASE, i, types[i], "{\"caseId\":\"" + CASE + "\",\"n\":" + i + "}"));
            if (i < 3) {
                log.append(event(OTHER, i, types[i], "{\"caseId\":\"" + OTHER + "\",\"n\":" + i + "}"));
            }
        }
    }

    CaseBundle bundle() {
        return log.bundle(CASE, log.checkpoint(signer, Instant.parse("2026-12-06T10:01:00Z")), signer.verifierKey());
    }

    static CaseBundle withEvents(CaseBundle bundle, List<CaseBundle.Entry> events) {
        return new CaseBundle(bundle.format(), bundle.streamId(), events, bundle.head(), bundle.signedCheckpoint(),
                bundle.verifierKey());
    }

    @Test
    void anUntouchedBundleVerifiesWithThePublishedKey() {
        BundleVerifier.Verdict verdict = verifier.verify(bundle());

        assertThat(verdict.problem()).isNull();
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.events()).isEqualTo(5);
        assertThat(verdict.checkpoint().size()).isEqualTo(8);
    }

    @Test
    void aFlippedByteInOneEventNamesThatEvent() {
        CaseBundle bundle = bundle();
        List<CaseBundle.Entry> events = new ArrayList<>(bundle.events());
        CaseBundle.Entry third = events.get(2);
        StoredEvent e = third.event();
        byte[] payload = e.payload();
        payload[5] ^= 0x01;
        events.set(2, new CaseBundle.Entry(new StoredEvent(e.streamId(), e.sequenceNumber(), e.eventIdentifier(),
                e.aggregateType(), e.payloadType(), e.payloadRevision(), e.timeStamp(), e.metaData(), payload),
                third.leafIndex(), third.inclusionProof()));

        BundleVerifier.Verdict verdict = verifier.verify(withEvents(bundle, events));

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBadSequence()).isEqualTo(2);
        assertThat(verdict.problem()).contains("event 2 (" + e.eventIdentifier() + ")").contains("altered");
    }

    @Test
    void aChangedActorInTheMetadataIsCaughtToo() {
        CaseBundle bundle = bundle();
        List<CaseBundle.Entry> events = new ArrayList<>(bundle.events());
        CaseBundle.Entry first = events.get(0);
        StoredEvent e = first.event();
        events.set(0, new CaseBundle.Entry(new StoredEvent(e.streamId(), e.sequenceNumber(), e.eventIdentifier(),
                e.aggregateType(), e.payloadType(), e.payloadRevision(), e.timeStamp(),
                "{\"actor\":\"mallory\"}".getBytes(StandardCharsets.UTF_8), e.payload()), first.leafIndex(),
                first.inclusionProof()));

        assertThat(verifier.verify(withEvents(bundle, events)).firstBadSequence()).isEqualTo(0);
    }

    @Test
    void aRemovedEventIsNamedByThePlaceItLeftEmpty() {
        CaseBundle bundle = bundle();
        List<CaseBundle.Entry> events = new ArrayList<>(bundle.events());
        events.remove(1);

        BundleVerifier.Verdict verdict = verifier.verify(withEvents(bundle, events));

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBadSequence()).isEqualTo(1);
        assertThat(verdict.problem()).contains("removed, inserted or reordered");
    }

    @Test
    void reorderedEventsAreCaughtAtTheFirstOneOutOfPlace() {
        CaseBundle bundle = bundle();
        List<CaseBundle.Entry> events = new ArrayList<>(bundle.events());
        events.set(1, bundle.events().get(3));
        events.set(3, bundle.events().get(1));

        assertThat(verifier.verify(withEvents(bundle, events)).firstBadSequence()).isEqualTo(1);
    }

    @Test
    void anInsertedEventEvenRenumberedIsNotInTheLog() {
        CaseBundle bundle = bundle();
        List<CaseBundle.Entry> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CaseBundle.Entry entry = bundle.events().get(i);
            StoredEvent e = entry.event();
            long sequence = i < 2 ? i : i + 1;
            events.add(new CaseBundle.Entry(new StoredEvent(e.streamId(), sequence, e.eventIdentifier(),
                    e.aggregateType(), e.payloadType(), e.payloadRevision(), e.timeStamp(), e.metaData(),
                    e.payload()), entry.leafIndex(), entry.inclusionProof()));
        }
        events.add(2, new CaseBundle.Entry(event(CASE, 2, "NoteAdded", "{\"text\":\"forged\"}"),
                bundle.events().get(2).leafIndex(), bundle.events().get(2).inclusionProof()));

        BundleVerifier.Verdict verdict = verifier.verify(withEvents(bundle, events));

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBadSequence()).isEqualTo(2);
    }

    @Test
    void aCutOffTailIsCaughtAgainstTheCheckpointsHead() {
        CaseBundle bundle = bundle();
        BundleVerifier.Verdict verdict = verifier.verify(withEvents(bundle, bundle.events().subList(0, 3)));

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBadSequence()).isEqualTo(3);
        assertThat(verdict.problem()).contains("cut off");
    }

    @Test
    void aCutOffTailWithAForgedHeadIsNotWhatTheCheckpointHolds() {
        CaseBundle bundle = bundle();
        List<CaseBundle.Entry> kept = bundle.events().subList(0, 3);
        byte[] previous = EventChain.GENESIS;
        for (CaseBundle.Entry entry : kept) {
            previous = EventChain.hash(previous, entry.event());
        }
        CaseBundle forged = new CaseBundle(bundle.format(), bundle.streamId(), kept, new CaseBundle.Head(3, previous,
                bundle.head().index(), bundle.head().inclusionProof()), bundle.signedCheckpoint(), bundle.verifierKey());

        BundleVerifier.Verdict verdict = verifier.verify(forged);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problem()).contains("does not hold this stream with 3 events");
    }

    @Test
    void aCheckpointSignedByAnyoneButThePublishedKeyIsRefusedWhateverKeyTheBundleCarries() throws Exception {
        KeyPair mallory = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        NoteSigner impostor = new NoteSigner(ORIGIN, mallory.getPrivate(), mallory.getPublic());
        CaseBundle forged = log.bundle(CASE, log.checkpoint(impostor, Instant.now()), impostor.verifierKey());

        BundleVerifier.Verdict verdict = verifier.verify(forged);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problem()).contains("not signed by the log's key");
    }

    @Test
    void aWitnessSeesTheLogOnlyGrewAndCatchesAForkOrATruncation() throws Exception {
        String older = log.checkpoint(signer, Instant.now());
        long olderSize = log.size();
        log.append(event(CASE, 5, "CaseDecided", "{}"));
        log.append(event(OTHER, 3, "CaseClosed", "{}"));
        String newer = log.checkpoint(signer, Instant.now());

        assertThat(verifier.inconsistency(older, newer, log.consistencyProof(olderSize, log.size()))).isNull();

        EventLog fork = new EventLog(ORIGIN);
        fork.append(event(CASE, 0, "CaseOpened", "{\"rewritten\":true}"));
        for (int i = 1; i < 10; i++) {
            fork.append(event(OTHER + i, 0, "CaseOpened", "{}"));
        }
        String forked = fork.checkpoint(signer, Instant.now());
        assertThat(verifier.inconsistency(older, forked, fork.consistencyProof(olderSize, fork.size())))
                .contains("rewritten or forked");
        assertThat(verifier.inconsistency(newer, older, List.of())).contains("truncated");
    }
}
