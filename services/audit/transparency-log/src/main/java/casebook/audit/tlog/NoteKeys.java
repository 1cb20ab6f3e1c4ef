package casebook.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 keys as signed notes name them (https://c2sp.org/signed-note): raw 32-byte keys, a key id of the first
 * four bytes of {@code SHA-256(name || 0x0A || 0x01 || public key)}, and the verifier key text
 * {@code <name>+<hex key id>+<base64(0x01 || public key)>} that a log publishes and a witness configures.
 */
public final class NoteKeys {
    /** The signature type of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;
    /** DER prefixes turning raw Ed25519 keys into the X.509 and PKCS#8 forms Java reads (RFC 8410). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private NoteKeys() {
    }

    /** A key name: non-empty, no whitespace, no '+'. */
    static String requireName(String name) {
        if (name == null || name.isEmpty() || name.chars().anyMatch(c -> c <= 0x20 || c == '+' || c == 0x7F)) {
            throw new IllegalArgumentException("a key name is non-empty text without spaces or '+'");
        }
        return name;
    }

    static byte[] keyId(String name, byte[] rawPublicKey) {
        MessageDigest digest = TreeHash.sha256();
        digest.update(requireName(name).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ED25519);
        digest.update(rawPublicKey);
        return Arrays.copyOf(digest.digest(), 4);
    }

    /** The raw 32 bytes of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm()) || encoded.length != 44) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    public static PublicKey publicKey(byte[] raw) {
        return (PublicKey) key(raw, X509_PREFIX, false);
    }

    /** A private key from its 32-byte seed (the form a key file holds). */
    public static PrivateKey privateKey(byte[] seed) {
        return (PrivateKey) key(seed, PKCS8_PREFIX, true);
    }

    /** The 32-byte seed of an Ed25519 private key. */
    public static byte[] seed(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != PKCS8_PREFIX.length + 32
                || !Arrays.equals(encoded, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 private key in its plain PKCS#8 form");
        }
        return Arrays.copyOfRange(encoded, PKCS8_PREFIX.length, encoded.length);
    }

    private static Object key(byte[] raw, byte[] prefix, boolean isPrivate) {
        if (raw == null || raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 key has 32 bytes");
        }
        byte[] der = Arrays.copyOf(prefix, prefix.length + 32);
        System.arraycopy(raw, 0, der, prefix.length, 32);
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return isPrivate ? factory.generatePrivate(new PKCS8EncodedKeySpec(der))
                    : factory.generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 key", e);
        }
    }
}
