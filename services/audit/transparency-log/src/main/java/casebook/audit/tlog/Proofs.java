package casebook.audit.tlog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 proof verification (sections 2.1.3.2 and 2.1.4.2), needing nothing but the proof, the sizes and the hashes:
 * what an auditor, a witness or the offline verifier runs against a checkpoint it trusts. Each method answers whether
 * the proof holds; a malformed proof (wrong hash length, too long or too short) does not hold.
 */
public final class Proofs {
    private Proofs() {
    }

    /** Whether {@code proof} shows the leaf hash {@code leafHash} at {@code index} in the tree of {@code size} leaves with {@code root}. */
    public static boolean inclusionHolds(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !wellFormed(proof) || !isHash(leafHash) || !isHash(root)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHash.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = TreeHash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} shows that the tree of {@code first} leaves with {@code firstRoot} is a prefix of the tree
     * of {@code second} leaves with {@code secondRoot}: the log only appended. Equal sizes need an empty proof and equal
     * roots; the empty tree is a prefix of every tree.
     */
    public static boolean consistencyHolds(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                           List<byte[]> proof) {
        if (first < 0 || first > second || !wellFormed(proof) || !isHash(firstRoot) || !isHash(secondRoot)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, TreeHash.empty());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHash.node(c, fr);
                sr = TreeHash.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = TreeHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof != null && proof.size() <= 64 && proof.stream().allMatch(Proofs::isHash);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == TreeHash.SIZE;
    }
}
