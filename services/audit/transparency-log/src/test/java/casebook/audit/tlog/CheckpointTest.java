package casebook.audit.tlog;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoints signed as C2SP signed notes: what a witness reads, and every way a forged or broken one is caught. */
class CheckpointTest {
    static final String ORIGIN = "casebook.example/events";

    static KeyPair ed25519() throws NoSuchAlgorithmException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static NoteSigner signer(String name) throws NoSuchAlgorithmException {
        KeyPair keys = ed25519();
        return new NoteSigner(name, keys.getPrivate(), keys.getPublic());
    }

    @Test
    void aSignedCheckpointReadsBackAndVerifiesWithThePublishedKeyAlone() throws Exception {
        NoteSigner signer = signer(ORIGIN);
        byte[] root = TreeHash.leaf("root".getBytes());
        String note = signer.sign(new Checkpoint(ORIGIN, 42, root).text());

        assertThat(note).startsWith(ORIGIN + "\n42\n").contains("\n\n\u2014 " + ORIGIN + " ").endsWith("\n");
        SignedNote parsed = SignedNote.parse(note);
        assertThat(NoteVerifier.parse(signer.verifierKey()).verifies(parsed)).isTrue();
        Checkpoint checkpoint = Checkpoint.parse(parsed.text());
        assertThat(checkpoint.origin()).isEqualTo(ORIGIN);
        assertThat(checkpoint.size()).isEqualTo(42);
        assertThat(checkpoint.rootHash()).isEqualTo(root);
        assertThat(signer.verifierKey()).matches(ORIGIN.replace(".", "\\.") + "\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}");
    }

    /** The known answer of Go's golang.org/x/mod/sumdb/note, which witnesses and Sigstore read notes with. */
    @Test
    void theGoSumdbNoteExampleVerifiesAndIsReproducedByteForByte() {
        String verifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
        String text = "If you think cryptography is the answer to your problem,\n"
                + "then you don't know what your problem is.\n";
        String note = text + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXg"
                + "KvqfqdngotpRZb6KE6RyyBwJnAM=\n";
        byte[] typedSeed = java.util.Base64.getDecoder().decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
        byte[] seed = java.util.Arrays.copyOfRange(typedSeed, 1, 33);
        NoteVerifier go = NoteVerifier.parse(verifierKey);
        byte[] rawPublic = java.util.Arrays.copyOfRange(java.util.Base64.getDecoder().decode(
                verifierKey.substring(verifierKey.lastIndexOf('+') + 1)), 1, 33);
        NoteSigner signer = new NoteSigner("PeterNeumann", NoteKeys.privateKey(seed), NoteKeys.publicKey(rawPublic));

        assertThat(go.verifies(SignedNote.parse(note))).isTrue();
        assertThat(signer.sign(text)).isEqualTo(note);
        assertThat(signer.verifierKey()).isEqualTo(verifierKey);
        assertThat(go.verifies(SignedNote.parse(note.replace("problem,", "problem;")))).isFalse();
    }

    @Test
    void aChangedSizeOrRootOrAnotherKeyDoesNotVerify() throws Exception {
        NoteSigner signer = signer(ORIGIN);
        String note = signer.sign(new Checkpoint(ORIGIN, 42, TreeHash.empty()).text());
        NoteVerifier verifier = signer.verifier();

        assertThat(verifier.verifies(SignedNote.parse(note.replace("\n42\n", "\n43\n")))).isFalse();
        assertThat(verifier.verifies(SignedNote.parse(note.replaceFirst("47DEQ", "47DEq")))).isFalse();
        assertThat(signer(ORIGIN).verifier().verifies(SignedNote.parse(note))).isFalse();
        NoteSigner impostor = signer("someone.else");
        assertThat(verifier.verifies(SignedNote.parse(impostor.sign(new Checkpoint(ORIGIN, 42, TreeHash.empty())
                .text())))).isFalse();
    }

    @Test
    void aWitnessCosignatureIsOneMoreLineAndEachKeyChecksItsOwn() throws Exception {
        NoteSigner log = signer(ORIGIN);
        NoteSigner witness = signer("witness.example");
        String text = new Checkpoint(ORIGIN, 7, TreeHash.empty(), List.of("time 1733478000")).text();
        String logNote = log.sign(text);
        String witnessLine = witness.sign(text).substring(text.length() + 1);
        SignedNote cosigned = SignedNote.parse(logNote + witnessLine);

        assertThat(cosigned.signatures()).hasSize(2);
        assertThat(log.verifier().verifies(cosigned)).isTrue();
        assertThat(witness.verifier().verifies(cosigned)).isTrue();
        assertThat(Checkpoint.parse(cosigned.text()).extensions()).containsExactly("time 1733478000");
    }

    @Test
    void brokenCheckpointsNotesAndKeysAreRefusedWithAReason() throws Exception {
        assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n042\n" + "A".repeat(43) + "=\n"))
                .hasMessageContaining("size");
        assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n42\nnot base64!\n")).hasMessageContaining("base64");
        assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n42\n")).hasMessageContaining("root hash");
        assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n42")).hasMessageContaining("newline");
        assertThatThrownBy(() -> new Checkpoint("two\nlines", 1, TreeHash.empty())).hasMessageContaining("origin");
        assertThatThrownBy(() -> SignedNote.parse("text\n")).hasMessageContaining("blank line");
        assertThatThrownBy(() -> SignedNote.parse("text\n\n- name AAAAAAA=\n")).hasMessageContaining("signature line");
        assertThatThrownBy(() -> SignedNote.parse("text\n\n\u2014 name AAAA\n")).hasMessageContaining("key id");
        assertThatThrownBy(() -> NoteVerifier.parse("name+00000000+" + "A".repeat(43) + "=")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteVerifier.parse("no-plus")).hasMessageContaining("name+keyid+key");
        KeyPair one = ed25519();
        KeyPair other = ed25519();
        assertThatThrownBy(() -> new NoteSigner(ORIGIN, one.getPrivate(), other.getPublic()))
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> new NoteSigner("has space", one.getPrivate(), one.getPublic()))
                .hasMessageContaining("key name");
    }

    @Test
    void aKeyFilesSeedGivesBackTheSameSigner() throws Exception {
        KeyPair keys = ed25519();
        byte[] seed = NoteKeys.seed(keys.getPrivate());
        NoteSigner fromSeed = new NoteSigner(ORIGIN, NoteKeys.privateKey(seed),
                NoteKeys.publicKey(NoteKeys.raw(keys.getPublic())));

        assertThat(fromSeed.verifierKey()).isEqualTo(new NoteSigner(ORIGIN, keys.getPrivate(), keys.getPublic())
                .verifierKey());
        assertThat(NoteVerifier.parse(fromSeed.verifierKey()).verifies(SignedNote.parse(fromSeed.sign("x\n"))))
                .isTrue();
    }
}
