package casebook.audit.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 (section 2.1) Merkle tree of the first {@code size} leaves of a log: its root (MTH), the inclusion
 * proof of a leaf (PATH) and the consistency proof between two sizes (PROOF / SUBPROOF), computed from the log's
 * {@link Subtrees}. Proofs list hashes from the leaves up, exactly as the RFC orders them, so any RFC 9162 verifier
 * (and {@link Proofs}) accepts them.
 */
public final class MerkleTree {
    private final Subtrees subtrees;

    public MerkleTree(Subtrees subtrees) {
        this.subtrees = subtrees;
    }

    /** MTH(D[0:size]). */
    public byte[] root(long size) {
        requireSize(size);
        return size == 0 ? TreeHash.empty() : hash(0, size);
    }

    /** PATH(index, D[0:size]): the audit path proving leaf {@code index} is in the tree of {@code size} leaves. */
    public List<byte[]> inclusionProof(long index, long size) {
        requireSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size + " leaves");
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** PROOF(first, D[0:second]): proves the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    public List<byte[]> consistencyProof(long first, long second) {
        requireSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second + " leaves");
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long index, long start, long size, List<byte[]> proof) {
        if (size == 1) {
            return;
        }
        long k = Long.highestOneBit(size - 1);
        if (index < k) {
            path(index, start, k, proof);
            proof.add(hash(start + k, size - k));
        } else {
            path(index - k, start + k, size - k, proof);
            proof.add(hash(start, k));
        }
    }

    private void subproof(long m, long start, long size, boolean complete, List<byte[]> proof) {
        if (m == size) {
            if (!complete) {
                proof.add(hash(start, size));
            }
            return;
        }
        long k = Long.highestOneBit(size - 1);
        if (m <= k) {
            subproof(m, start, k, complete, proof);
            proof.add(hash(start + k, size - k));
        } else {
            subproof(m - k, start + k, size - k, false, proof);
            proof.add(hash(start, k));
        }
    }

    /** MTH(D[start:start+size]) for the ranges the recursion visits: a perfect subtree, or split as the RFC does. */
    private byte[] hash(long start, long size) {
        if (Long.bitCount(size) == 1 && start % size == 0) {
            int level = Long.numberOfTrailingZeros(size);
            return TreeHash.requireHash(subtrees.perfect(level, start >>> level));
        }
        long k = Long.highestOneBit(size - 1);
        return TreeHash.node(hash(start, k), hash(start + k, size - k));
    }

    private static void requireSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree has no negative size");
        }
    }
}
