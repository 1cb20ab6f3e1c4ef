package casebook.cases.audit;

import casebook.audit.tlog.CaseBundle;
import casebook.audit.tlog.CompactRange;
import casebook.audit.tlog.EventChain;
import casebook.audit.tlog.InMemoryLeaves;
import casebook.audit.tlog.LogCheckpoint;
import casebook.audit.tlog.MerkleTree;
import casebook.audit.tlog.NoteSigner;
import casebook.audit.tlog.StoredEvent;
import casebook.audit.tlog.Subtrees;
import casebook.audit.tlog.TreeHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tamper-evident log kept in PostgreSQL (docs/adr/0023): seals committed events in global-index order into each
 * stream's hash chain and the Merkle log, issues signed checkpoints, and answers bundles and consistency proofs. Every
 * write happens under one transaction-scoped advisory lock, so any number of service instances keep one log; the
 * write path of cases never waits for it.
 */
@Component
public class AuditLog {
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    /** The advisory lock that makes one instance at a time the log's writer ("CBAUDIT"). */
    private static final long WRITER_LOCK = 0x4342_4155_4449_54L;
    /** How long an export or a checkpoint on demand waits for what was committed before it to be sealed. */
    private static final Duration CATCH_UP = Duration.ofSeconds(5);
    /**
     * The lowest level of perfect subtree kept in {@code audit_log_nodes}. Lower ones span at most 8 leaves and are
     * hashed again from the leaf rows when a proof needs them: the sealer writes an eighth of a node row per event
     * instead of two.
     */
    static final int LOWEST_STORED_LEVEL = 4;

    private final JdbcClient jdbc;
    /** For the batched inserts JdbcClient lacks; same data source, same transaction. */
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final AuditLogProperties properties;
    private final NoteSigner signer;
    private final Clock clock;
    /** The right edge of the log as this instance last wrote it; null when it must be read again. */
    private CompactRange range;
    /** Gaps in the global index (a transaction in flight, or a number a rollback burnt) and when they were first seen. */
    private final Map<Long, Gap> gapsSeen = new HashMap<>();

    AuditLog(JdbcClient jdbc, JdbcTemplate batches, PlatformTransactionManager transactionManager, AuditLogProperties properties,
             NoteSigner auditLogSigner) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.signer = auditLogSigner;
        this.clock = Clock.systemUTC();
    }

    /** A signed checkpoint as issued. */
    public record Issued(long size, String signedNote, Instant issuedAt) {
    }

    record State(long size, long sealedThrough) {
    }

    record Head(long length, byte[] hash) {
    }

    public String verifierKey() {
        return signer.verifierKey();
    }

    public String origin() {
        return properties.origin();
    }

    /** Seals what was committed since the last pass, one batch; answers how many events it sealed. */
    public synchronized int sealPending() {
        return writing(() -> sealBatch(Long.MAX_VALUE));
    }

    /**
     * A checkpoint on demand: everything committed before the call is sealed first (waiting up to {@link #CATCH_UP}),
     * then a checkpoint is issued unless the latest one already has the log's size.
     */
    public synchronized Issued checkpoint() {
        catchUp();
        return scheduledCheckpoint();
    }

    /** The checkpoint of the schedule: seals what is sealable now, without waiting for transactions in flight. */
    synchronized Issued scheduledCheckpoint() {
        return writing(() -> {
            sealAll();
            return issue(heads());
        });
    }

    /**
     * Seals, in transactions of their own, everything committed before the call, or until {@link #CATCH_UP} has
     * passed: a gap whose transaction just ended is passed on the next try, not the next tick. Only rows up to that
     * point are read, so a busy intake behind it is not read again and again while the log waits for a gap.
     */
    private void catchUp() {
        long target = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (true) {
            while (writing(() -> sealBatch(target)) == properties.sealBatch()) {
                // a full batch: there may be more
            }
            if (state().sealedThrough() >= target || System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A stream's bundle: its sealed events with their proofs against a checkpoint issued now if the log grew. */
    public synchronized Optional<Bundle> bundle(String streamId) {
        catchUp();
        return writing(() -> {
            sealAll();
            Heads heads = heads();
            int index = heads.streams().indexOf(streamId);
            if (index < 0) {
                return Optional.empty();
            }
            Issued checkpoint = issue(heads);
            Head head = heads.byStream().get(streamId);
            MerkleTree tree = new MerkleTree(cached(storedSubtrees()));
            List<CaseBundle.Entry> entries = jdbc.sql("""
                    SELECT l.leaf_index, e.aggregate_identifier, e.sequence_number, e.event_identifier, e.type,
                           e.payload_type, e.payload_revision, e.time_stamp, e.meta_data, e.payload
                    FROM audit_log_leaves l JOIN domain_event_entry e ON e.global_index = l.global_index
                    WHERE l.stream_id = :stream ORDER BY l.sequence_number""")
                    .param("stream", streamId)
                    .query((rs, n) -> new CaseBundle.Entry(stored(rs), rs.getLong("leaf_index"),
                            tree.inclusionProof(rs.getLong("leaf_index"), checkpoint.size())))
                    .list();
            long unsealed = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :stream"
                            + " AND sequence_number >= :sealed")
                    .param("stream", streamId).param("sealed", head.length()).query(Long.class).single();
            CaseBundle bundle = new CaseBundle(CaseBundle.FORMAT, streamId, entries, new CaseBundle.Head(
                    head.length(), head.hash(), index, heads.tree().inclusionProof(index, heads.streams().size())),
                    checkpoint.signedNote(), signer.verifierKey());
            return Optional.of(new Bundle(bundle, unsealed));
        });
    }

    /** A bundle and how many of the stream's newest events were not sealed yet (they are in the next export). */
    public record Bundle(CaseBundle bundle, long unsealedEvents) {
    }

    /** RFC 9162 consistency proof between two sizes the log has had (each at most its size now). */
    public List<byte[]> consistencyProof(long first, long second) {
        long size = state().size();
        if (first < 0 || second > size || first > second) {
            throw new IllegalArgumentException("sizes must satisfy 0 <= first <= second <= " + size);
        }
        return new MerkleTree(cached(storedSubtrees())).consistencyProof(first, second);
    }

    public Optional<Issued> latestCheckpoint() {
        return checkpointWhere("ORDER BY tree_size DESC LIMIT 1", Map.of());
    }

    public Optional<Issued> checkpointOfSize(long size) {
        return checkpointWhere("WHERE tree_size = :size", Map.of("size", size));
    }

    State state() {
        return jdbc.sql("SELECT size, sealed_through FROM audit_log_state WHERE id = 1")
                .query((rs, n) -> new State(rs.getLong("size"), rs.getLong("sealed_through"))).single();
    }

    // ---- writing, under the advisory lock

    private <T> T writing(java.util.function.Supplier<T> work) {
        try {
            return transactions.execute(status -> {
                jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", WRITER_LOCK).query().singleRow();
                return work.get();
            });
        } catch (RuntimeException e) {
            range = null; // what this instance appended may have been rolled back
            throw e;
        }
    }

    private void sealAll() {
        while (sealBatch(Long.MAX_VALUE) == properties.sealBatch()) {
            // a full batch: there may be more
        }
    }

    /** Seals the next batch of committed events with a global index up to {@code until}. */
    private int sealBatch(long until) {
        State state = state();
        CompactRange edge = rangeAt(state.size());
        List<Row> rows = jdbc.sql("""
                        SELECT global_index, aggregate_identifier, sequence_number, event_identifier, type, payload_type,
                               payload_revision, time_stamp, meta_data, payload
                        FROM domain_event_entry WHERE global_index > :after AND global_index <= :until
                        ORDER BY global_index LIMIT :batch""")
                .param("after", state.sealedThrough()).param("until", until).param("batch", properties.sealBatch())
                .query((rs, n) -> new Row(rs.getLong("global_index"), stored(rs))).list();
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, Head> heads = headsOf(rows.stream().map(r -> r.event().streamId()).distinct().toList());
        List<Object[]> leaves = new ArrayList<>();
        List<Object[]> nodes = new ArrayList<>();
        long sealedThrough = state.sealedThrough();
        Instant now = clock.instant();
        int sealed = 0;
        for (Row row : rows) {
            if (row.globalIndex() > sealedThrough + 1 && !gapExpired(sealedThrough + 1, now)) {
                break;
            }
            StoredEvent event = row.event();
            Head head = heads.getOrDefault(event.streamId(), new Head(0, EventChain.GENESIS));
            if (event.sequenceNumber() != head.length()) {
                log.error("audit log stopped at global index {}: stream {} has {} sealed events but this is event {}",
                        row.globalIndex(), event.streamId(), head.length(), event.sequenceNumber());
                break;
            }
            byte[] hash = EventChain.hash(head.hash(), event);
            leaves.add(new Object[]{edge.size(), row.globalIndex(), event.streamId(), event.sequenceNumber(), hash});
            for (CompactRange.Node node : edge.append(TreeHash.leaf(hash))) {
                if (node.level() >= LOWEST_STORED_LEVEL) {
                    nodes.add(new Object[]{node.level(), node.index(), node.hash()});
                }
            }
            heads.put(event.streamId(), new Head(head.length() + 1, hash));
            sealedThrough = row.globalIndex();
            sealed++;
        }
        if (sealed == 0) {
            return 0;
        }
        long passed = sealedThrough;
        gapsSeen.keySet().removeIf(index -> index <= passed);
        batch("INSERT INTO audit_log_leaves (leaf_index, global_index, stream_id, sequence_number, event_hash)"
                + " VALUES (?, ?, ?, ?, ?)", leaves);
        batch("INSERT INTO audit_log_nodes (level, node_index, hash) VALUES (?, ?, ?)", nodes);
        jdbc.sql("UPDATE audit_log_state SET size = :size, sealed_through = :through WHERE id = 1")
                .param("size", edge.size()).param("through", sealedThrough).update();
        return sealed;
    }

    /**
     * Whether the gap at {@code index} can never be filled. The number was taken before the later row that is already
     * committed, so by a transaction running when the gap was first seen; once every transaction running then has
     * ended ({@code pg_snapshot_xmin} of now has passed the {@code xmax} of then) and the row is still missing, that
     * transaction rolled back and the number is burnt. A transaction running longer than {@code gap-timeout} is not
     * waited for: the log passes the gap and the verification reports a row committed below the watermark.
     */
    private boolean gapExpired(long index, Instant now) {
        Gap gap = gapsSeen.computeIfAbsent(index, i -> new Gap(now, snapshot("pg_snapshot_xmax")));
        boolean closed = snapshot("pg_snapshot_xmin") >= gap.xmaxWhenSeen()
                || Duration.between(gap.seenAt(), now).compareTo(properties.gapTimeout()) >= 0;
        if (closed) {
            log.info("audit log passes global index {}: no event took it", index);
        }
        return closed;
    }

    private record Gap(Instant seenAt, long xmaxWhenSeen) {
    }

    private long snapshot(String function) {
        return jdbc.sql("SELECT " + function + "(pg_current_snapshot())::text::bigint").query(Long.class).single();
    }

    private Issued issue(Heads heads) {
        State state = state();
        Optional<Issued> existing = checkpointOfSize(state.size());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        String note = signer.sign(LogCheckpoint.of(properties.origin(), state.size(), rangeAt(state.size()).root(),
                heads.streams().size(), heads.tree().root(heads.streams().size()), now.getEpochSecond()).text());
        jdbc.sql("INSERT INTO audit_log_checkpoints (tree_size, signed_note, issued_at) VALUES (:size, :note, :at)")
                .param("size", state.size()).param("note", note).param("at", java.sql.Timestamp.from(now)).update();
        return new Issued(state.size(), note, now);
    }

    // ---- reading

    private record Row(long globalIndex, StoredEvent event) {
    }

    /** Every stream's head, sorted by stream id as the checkpoint's heads tree orders them. */
    record Heads(List<String> streams, Map<String, Head> byStream, List<byte[]> entries) {
        MerkleTree tree() {
            return InMemoryLeaves.ofEntries(entries).tree();
        }
    }

    /**
     * Every stream's head as of the log's size now. {@code audit_log_heads} is brought up to date here, from the leaves
     * sealed since it last was (the last leaf of each stream they touch), not by every seal: a stream's head is
     * written once per checkpoint however many of its events were sealed in between.
     */
    private Heads heads() {
        long from = jdbc.sql("SELECT heads_through FROM audit_log_state WHERE id = 1").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO audit_log_heads (stream_id, length, head_hash)
                SELECT DISTINCT ON (stream_id) stream_id, sequence_number + 1, event_hash FROM audit_log_leaves
                WHERE leaf_index >= :from ORDER BY stream_id, sequence_number DESC
                ON CONFLICT (stream_id) DO UPDATE SET length = excluded.length, head_hash = excluded.head_hash""")
                .param("from", from).update();
        jdbc.sql("UPDATE audit_log_state SET heads_through = size WHERE id = 1").update();
        TreeMap<String, Head> sorted = new TreeMap<>();
        jdbc.sql("SELECT stream_id, length, head_hash FROM audit_log_heads")
                .query((ResultSet rs) -> {
                    sorted.put(rs.getString(1), new Head(rs.getLong(2), rs.getBytes(3)));
                });
        List<byte[]> entries = new ArrayList<>(sorted.size());
        sorted.forEach((stream, head) -> entries.add(EventChain.headEntry(stream, head.length(), head.hash())));
        return new Heads(new ArrayList<>(sorted.keySet()), sorted, entries);
    }

    /** These streams' heads: the last sealed leaf of each, one index probe per stream. */
    private Map<String, Head> headsOf(List<String> streams) {
        Map<String, Head> heads = new HashMap<>();
        jdbc.sql("""
                        SELECT s.id, l.sequence_number + 1, l.event_hash FROM unnest(:streams) AS s(id)
                        CROSS JOIN LATERAL (SELECT sequence_number, event_hash FROM audit_log_leaves
                                            WHERE stream_id = s.id ORDER BY sequence_number DESC LIMIT 1) l""")
                .param("streams", streams.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    heads.put(rs.getString(1), new Head(rs.getLong(2), rs.getBytes(3)));
                });
        return heads;
    }

    private CompactRange rangeAt(long size) {
        if (range == null || range.size() != size) {
            range = CompactRange.resume(size, storedSubtrees());
        }
        return range;
    }

    /** The perfect subtrees of the log: stored from {@link #LOWEST_STORED_LEVEL} up, hashed from the leaves below. */
    Subtrees storedSubtrees() {
        return (level, index) -> level >= LOWEST_STORED_LEVEL
                ? jdbc.sql("SELECT hash FROM audit_log_nodes WHERE level = :level AND node_index = :index")
                        .param("level", level).param("index", index).query(byte[].class).single()
                : InMemoryLeaves.ofEntries(jdbc.sql("""
                                SELECT event_hash FROM audit_log_leaves WHERE leaf_index >= :first AND leaf_index < :end
                                ORDER BY leaf_index""")
                        .param("first", index << level).param("end", (index + 1) << level)
                        .query(byte[].class).list()).perfect(level, 0);
    }

    private static Subtrees cached(Subtrees subtrees) {
        Map<Long, byte[]> cache = new HashMap<>();
        return (level, index) -> cache.computeIfAbsent(((long) level << 56) | index,
                key -> subtrees.perfect(level, index));
    }

    static StoredEvent stored(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                rs.getString("event_identifier"), rs.getString("type"), rs.getString("payload_type"),
                rs.getString("payload_revision"), rs.getString("time_stamp"), rs.getBytes("meta_data"),
                rs.getBytes("payload"));
    }

    private Optional<Issued> checkpointWhere(String where, Map<String, ?> params) {
        return jdbc.sql("SELECT tree_size, signed_note, issued_at FROM audit_log_checkpoints " + where)
                .params(params)
                .query((rs, n) -> new Issued(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batches.batchUpdate(sql, rows);
        }
    }
}
