package casebook.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Signs note texts with one Ed25519 key under one key name, as C2SP signed notes do: the signature line is an em
 * dash, a space, the key name, a space and base64 of the key id followed by the signature over the text.
 */
public final class NoteSigner {
    private final String name;
    private final PrivateKey privateKey;
    private final byte[] rawPublicKey;
    private final byte[] keyId;

    public NoteSigner(String name, PrivateKey privateKey, PublicKey publicKey) {
        this.name = NoteKeys.requireName(name);
        this.privateKey = privateKey;
        this.rawPublicKey = NoteKeys.raw(publicKey);
        this.keyId = NoteKeys.keyId(name, rawPublicKey);
        if (!verifier().verifies(SignedNote.parse(signatureOf("key check\n")))) {
            throw new IllegalArgumentException("the private key does not belong to the public key");
        }
    }

    public String name() {
        return name;
    }

    /** The verifier key text a witness or auditor configures: {@code name+keyid+base64(0x01 || key)}. */
    public String verifierKey() {
        return verifier().verifierKey();
    }

    public NoteVerifier verifier() {
        return new NoteVerifier(name, rawPublicKey);
    }

    /** The signed note of {@code text}: the text, a blank line and this signer's signature line. */
    public String sign(String text) {
        return signatureOf(text);
    }

    private String signatureOf(String text) {
        SignedNote.requireText(text);
        byte[] signature;
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey);
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            signature = ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
        byte[] keyIdAndSignature = new byte[keyId.length + signature.length];
        System.arraycopy(keyId, 0, keyIdAndSignature, 0, keyId.length);
        System.arraycopy(signature, 0, keyIdAndSignature, keyId.length, signature.length);
        return text + "\n" + SignedNote.DASH + " " + name + " "
                + Base64.getEncoder().encodeToString(keyIdAndSignature) + "\n";
    }
}
