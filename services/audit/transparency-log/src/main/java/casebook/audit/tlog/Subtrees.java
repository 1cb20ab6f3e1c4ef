package casebook.audit.tlog;

/**
 * Where a tree's perfect subtrees come from: the hash of the {@code 2^level} leaves starting at leaf
 * {@code index << level}. Every hash the RFC 9162 algorithms need is one of these or is built from them, so a log
 * that keeps the perfect subtrees it completes (as {@link CompactRange} reports them) answers any root or proof with
 * O(log n) lookups instead of rehashing n leaves.
 */
@FunctionalInterface
public interface Subtrees {
    /**
     * @return the hash of the perfect subtree of height {@code level} at position {@code index} (level 0: a leaf
     * hash); only asked for subtrees that lie entirely within the tree being read
     */
    byte[] perfect(int level, long index);
}
