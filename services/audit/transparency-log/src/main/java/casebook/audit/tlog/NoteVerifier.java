package casebook.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Checks signed notes against one published Ed25519 verifier key; needs nothing but the key text. */
public final class NoteVerifier {
    private final String name;
    private final byte[] rawPublicKey;
    private final byte[] keyId;

    NoteVerifier(String name, byte[] rawPublicKey) {
        this.name = NoteKeys.requireName(name);
        this.rawPublicKey = rawPublicKey.clone();
        this.keyId = NoteKeys.keyId(name, rawPublicKey);
    }

    /** Reads a verifier key text {@code name+keyid+base64(0x01 || key)}, refusing one whose key id does not match. */
    public static NoteVerifier parse(String verifierKey) {
        String[] parts = verifierKey == null ? new String[0] : verifierKey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key reads name+keyid+key");
        }
        byte[] typedKey;
        byte[] id;
        try {
            typedKey = Base64.getDecoder().decode(parts[2]);
            id = HexFormat.of().parseHex(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a verifier key's id is hex and its key base64", e);
        }
        if (typedKey.length != 33 || typedKey[0] != NoteKeys.ED25519) {
            throw new IllegalArgumentException("only Ed25519 verifier keys (type 0x01) are supported");
        }
        NoteVerifier verifier = new NoteVerifier(parts[0], Arrays.copyOfRange(typedKey, 1, 33));
        if (!MessageDigest.isEqual(id, verifier.keyId)) {
            throw new IllegalArgumentException("the verifier key's id does not match its name and key");
        }
        return verifier;
    }

    public String name() {
        return name;
    }

    public String verifierKey() {
        byte[] typedKey = new byte[33];
        typedKey[0] = NoteKeys.ED25519;
        System.arraycopy(rawPublicKey, 0, typedKey, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typedKey);
    }

    /** Whether one of the note's signature lines is this key's valid signature over the note's text. */
    public boolean verifies(SignedNote note) {
        for (SignedNote.SignatureLine line : note.signatures()) {
            if (line.name().equals(name) && MessageDigest.isEqual(line.keyId(), keyId) && valid(note.text(), line)) {
                return true;
            }
        }
        return false;
    }

    private boolean valid(String text, SignedNote.SignatureLine line) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(NoteKeys.publicKey(rawPublicKey));
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(line.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
