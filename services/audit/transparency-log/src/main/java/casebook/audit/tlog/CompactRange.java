package casebook.audit.tlog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The right edge of a growing log: one perfect subtree per set bit of its size, from which the root follows in
 * O(log n) hashes, and which tells on each append which perfect subtrees that append completed (so the log can store
 * them and later answer proofs from {@link Subtrees}). Not thread-safe: one appender at a time.
 */
public final class CompactRange {
    /** A perfect subtree an append completed: its height, position and hash. */
    public record Node(int level, long index, byte[] hash) {
    }

    private long size;
    /** The frontier's hashes, the tallest (leftmost) first. */
    private final List<byte[]> frontier = new ArrayList<>();

    private CompactRange(long size, List<byte[]> frontier) {
        this.size = size;
        this.frontier.addAll(frontier);
    }

    public static CompactRange empty() {
        return new CompactRange(0, List.of());
    }

    /** Resumes the range of a log of {@code size} leaves from its stored perfect subtrees. */
    public static CompactRange resume(long size, Subtrees subtrees) {
        List<byte[]> frontier = new ArrayList<>();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            long width = 1L << level;
            if ((size & width) != 0) {
                frontier.add(TreeHash.requireHash(subtrees.perfect(level, start >>> level)));
                start += width;
            }
        }
        return new CompactRange(size, frontier);
    }

    public long size() {
        return size;
    }

    /** Appends one leaf hash; answers the perfect subtrees now complete, the leaf itself first. */
    public List<Node> append(byte[] leafHash) {
        TreeHash.requireHash(leafHash);
        List<Node> completed = new ArrayList<>();
        long index = size;
        byte[] hash = leafHash.clone();
        int level = 0;
        completed.add(new Node(0, index, hash));
        while ((index & 1) == 1) {
            byte[] left = frontier.remove(frontier.size() - 1);
            hash = TreeHash.node(left, hash);
            index >>>= 1;
            level++;
            completed.add(new Node(level, index, hash));
        }
        frontier.add(hash);
        size++;
        return Collections.unmodifiableList(completed);
    }

    /** MTH of the log as it is now. */
    public byte[] root() {
        if (frontier.isEmpty()) {
            return TreeHash.empty();
        }
        byte[] root = frontier.get(frontier.size() - 1);
        for (int i = frontier.size() - 2; i >= 0; i--) {
            root = TreeHash.node(frontier.get(i), root);
        }
        return root;
    }
}
