package casebook.audit.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * RFC 9162 (section 2.1.1) hashing with SHA-256 and domain separation: a leaf is {@code H(0x00 || entry)}, an inner
 * node {@code H(0x01 || left || right)}, the empty tree {@code H()}. The prefixes make a leaf's hash never equal to
 * a node's, so no one can pass an inner node off as an entry (a second pre-image).
 */
public final class TreeHash {
    /** Bytes of a SHA-256 hash. */
    public static final int SIZE = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private TreeHash() {
    }

    public static byte[] empty() {
        return sha256().digest();
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return digest.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        requireHash(left);
        requireHash(right);
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static byte[] requireHash(byte[] hash) {
        if (hash == null || hash.length != SIZE) {
            throw new IllegalArgumentException("a tree hash has " + SIZE + " bytes");
        }
        return hash;
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
