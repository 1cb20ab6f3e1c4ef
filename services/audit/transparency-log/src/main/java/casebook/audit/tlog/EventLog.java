package casebook.audit.tlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The log kept in memory: events appended in the order the log seals them, each stream's hash chain, the Merkle tree
 * over the chain hashes, signed checkpoints with the heads tree, and the bundles and proofs an auditor asks for. It is
 * the reference the stored log is checked against, and what tests build tampered logs with. Not thread-safe.
 */
public final class EventLog {
    private final String origin;
    private final Map<Long, byte[]> nodes = new HashMap<>();
    private final CompactRange range = CompactRange.empty();
    private final List<StoredEvent> events = new ArrayList<>();
    /** For each stream: its events' leaf indexes in sequence order and their chain hashes. */
    private final Map<String, List<Long>> leavesOfStream = new HashMap<>();
    private final Map<String, List<byte[]>> hashesOfStream = new HashMap<>();

    public EventLog(String origin) {
        this.origin = origin;
    }

    public long size() {
        return range.size();
    }

    /** Seals one event: its sequence must follow its stream's last one. Answers its chain hash. */
    public byte[] append(StoredEvent event) {
        List<byte[]> hashes = hashesOfStream.computeIfAbsent(event.streamId(), s -> new ArrayList<>());
        if (event.sequenceNumber() != hashes.size()) {
            throw new IllegalArgumentException("stream " + event.streamId() + " expects event " + hashes.size()
                    + ", not " + event.sequenceNumber());
        }
        byte[] hash = EventChain.hash(hashes.isEmpty() ? EventChain.GENESIS : hashes.get(hashes.size() - 1), event);
        leavesOfStream.computeIfAbsent(event.streamId(), s -> new ArrayList<>()).add(range.size());
        hashes.add(hash);
        events.add(event);
        for (CompactRange.Node node : range.append(TreeHash.leaf(hash))) {
            nodes.put(key(node.level(), node.index()), node.hash());
        }
        return hash.clone();
    }

    public MerkleTree tree() {
        return new MerkleTree((level, index) -> nodes.get(key(level, index)));
    }

    /** A checkpoint of the log as it is, signed. */
    public String checkpoint(NoteSigner signer, Instant now) {
        Heads heads = heads();
        return signer.sign(LogCheckpoint.of(origin, size(), range.root(), heads.streams.size(), heads.tree().root(
                heads.streams.size()), now.getEpochSecond()).text());
    }

    /** The bundle of one stream at the log's current size, to go with {@link #checkpoint} of the same size. */
    public CaseBundle bundle(String streamId, String signedCheckpoint, String verifierKey) {
        List<byte[]> hashes = hashesOfStream.get(streamId);
        if (hashes == null) {
            throw new IllegalArgumentException("no stream " + streamId + " in the log");
        }
        MerkleTree tree = tree();
        List<CaseBundle.Entry> entries = new ArrayList<>();
        List<Long> leaves = leavesOfStream.get(streamId);
        for (long leaf : leaves) {
            entries.add(new CaseBundle.Entry(events.get(Math.toIntExact(leaf)), leaf,
                    tree.inclusionProof(leaf, size())));
        }
        Heads heads = heads();
        int index = heads.streams.indexOf(streamId);
        return new CaseBundle(CaseBundle.FORMAT, streamId, entries, new CaseBundle.Head(hashes.size(),
                hashes.get(hashes.size() - 1), index, heads.tree().inclusionProof(index, heads.streams.size())),
                signedCheckpoint, verifierKey);
    }

    public List<byte[]> consistencyProof(long first, long second) {
        return tree().consistencyProof(first, second);
    }

    private record Heads(List<String> streams, List<byte[]> entries) {
        MerkleTree tree() {
            return InMemoryLeaves.ofEntries(entries).tree();
        }
    }

    /** Every stream's head, sorted by stream id. */
    private Heads heads() {
        TreeMap<String, List<byte[]>> sorted = new TreeMap<>(hashesOfStream);
        List<String> streams = new ArrayList<>();
        List<byte[]> entries = new ArrayList<>();
        sorted.forEach((stream, hashes) -> {
            streams.add(stream);
            entries.add(EventChain.headEntry(stream, hashes.size(), hashes.get(hashes.size() - 1)));
        });
        return new Heads(streams, entries);
    }

    private static long key(int level, long index) {
        return ((long) level << 56) | index;
    }
}
