package casebook.audit.tlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Subtrees} over leaf hashes held in memory, each perfect subtree computed once: what the offline verifier
 * uses to rebuild a tree from the entries it was given, and the reference the stored log is tested against.
 */
public final class InMemoryLeaves implements Subtrees {
    private final List<byte[]> leafHashes;
    private final Map<Long, byte[]> computed = new HashMap<>();

    private InMemoryLeaves(List<byte[]> leafHashes) {
        this.leafHashes = leafHashes;
    }

    /** A tree over these leaf hashes ({@link TreeHash#leaf} of each entry). */
    public static InMemoryLeaves ofLeafHashes(List<byte[]> leafHashes) {
        List<byte[]> copy = new ArrayList<>(leafHashes.size());
        for (byte[] hash : leafHashes) {
            copy.add(TreeHash.requireHash(hash).clone());
        }
        return new InMemoryLeaves(copy);
    }

    /** A tree over these entries, hashed as leaves. */
    public static InMemoryLeaves ofEntries(List<byte[]> entries) {
        List<byte[]> hashes = new ArrayList<>(entries.size());
        for (byte[] entry : entries) {
            hashes.add(TreeHash.leaf(entry));
        }
        return new InMemoryLeaves(hashes);
    }

    public long size() {
        return leafHashes.size();
    }

    public MerkleTree tree() {
        return new MerkleTree(this);
    }

    @Override
    public byte[] perfect(int level, long index) {
        if (level == 0) {
            return leafHashes.get(Math.toIntExact(index));
        }
        long key = ((long) level << 56) | index;
        byte[] hash = computed.get(key);
        if (hash == null) {
            hash = TreeHash.node(perfect(level - 1, 2 * index), perfect(level - 1, 2 * index + 1));
            computed.put(key, hash);
        }
        return hash;
    }
}
