package casebook.cases.audit;

import casebook.audit.tlog.CompactRange;
import casebook.audit.tlog.EventChain;
import casebook.audit.tlog.LogCheckpoint;
import casebook.audit.tlog.NoteVerifier;
import casebook.audit.tlog.SignedNote;
import casebook.audit.tlog.StoredEvent;
import casebook.audit.tlog.TreeHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the stored log against the event store and the latest checkpoint: every sealed event's row still hashes to
 * its sealed chain hash (a row edited, deleted or renumbered in PostgreSQL is named), no row sits below the sealer's
 * watermark unsealed (a row inserted into the past), and the leaves still give the latest checkpoint's root under the
 * log's key (the log's own tables rewritten). Reads everything: run on demand and on a schedule, not per request.
 */
@Component
public class LogVerification {
    private static final Logger log = LoggerFactory.getLogger(LogVerification.class);
    private static final int MAX_PROBLEMS = 100;
    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final TransactionTemplate readOnly;
    private final AuditLog auditLog;

    LogVerification(DataSource dataSource, JdbcClient client, PlatformTransactionManager transactions,
                    AuditLog auditLog) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(500); // streams the event store instead of loading it
        this.client = client;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.auditLog = auditLog;
    }

    /** One thing found wrong: the event (stream and sequence, when it is one event's) and what is wrong with it. */
    public record Problem(String streamId, Long sequenceNumber, String eventIdentifier, String problem) {
    }

    public record Result(boolean verified, long events, Long checkpointSize, List<Problem> problems) {
    }

    public Result verify() {
        Result result = readOnly.execute(status -> check());
        if (!result.verified()) {
            log.error("audit log verification failed: {}", result.problems().get(0));
        }
        return result;
    }

    private Result check() {
        List<Problem> problems = new ArrayList<>();
        long[] checked = {0};
        String[] stream = {null};
        byte[][] previous = {EventChain.GENESIS};
        long[] expectedSequence = {0};
        jdbc.query("""
                SELECT l.stream_id AS sealed_stream, l.sequence_number AS sealed_sequence, l.event_hash,
                       e.aggregate_identifier, e.sequence_number, e.event_identifier, e.type, e.payload_type,
                       e.payload_revision, e.time_stamp, e.meta_data, e.payload, e.global_index
                FROM audit_log_leaves l LEFT JOIN domain_event_entry e ON e.global_index = l.global_index
                ORDER BY l.stream_id, l.sequence_number""", rs -> {
            String sealedStream = rs.getString("sealed_stream");
            long sequence = rs.getLong("sealed_sequence");
            if (!sealedStream.equals(stream[0])) {
                stream[0] = sealedStream;
                previous[0] = EventChain.GENESIS;
                expectedSequence[0] = 0;
            }
            byte[] sealed = rs.getBytes("event_hash");
            if (sequence != expectedSequence[0]) {
                add(problems, new Problem(sealedStream, expectedSequence[0], null, "missing from the log's leaves"));
            }
            if (rs.getObject("global_index") == null) {
                add(problems, new Problem(sealedStream, sequence, null, "the sealed event's row is gone (deleted)"));
            } else {
                StoredEvent event = AuditLog.stored(rs);
                if (!MessageDigest.isEqual(EventChain.hash(previous[0], event), sealed)) {
                    add(problems, new Problem(sealedStream, sequence, event.eventIdentifier(),
                            "the stored row no longer hashes to its sealed hash (altered)"));
                }
            }
            previous[0] = sealed;
            expectedSequence[0] = sequence + 1;
            checked[0]++;
        });
        AuditLog.State state = auditLog.state();
        client.sql("""
                        SELECT aggregate_identifier, sequence_number, event_identifier FROM domain_event_entry e
                        WHERE global_index <= :through AND NOT EXISTS
                          (SELECT 1 FROM audit_log_leaves l WHERE l.global_index = e.global_index)
                        ORDER BY global_index LIMIT 10""")
                .param("through", state.sealedThrough())
                .query((rs, n) -> new Problem(rs.getString(1), rs.getLong(2), rs.getString(3),
                        "an event below the sealed watermark that the log never sealed (inserted into the past)"))
                .list().forEach(problem -> add(problems, problem));
        Optional<AuditLog.Issued> latest = auditLog.latestCheckpoint();
        latest.ifPresent(checkpoint -> checkRoot(checkpoint, problems));
        return new Result(problems.isEmpty(), checked[0], latest.map(AuditLog.Issued::size).orElse(null),
                List.copyOf(problems));
    }

    /** The leaves, in log order, must give the root the latest checkpoint signed. */
    private void checkRoot(AuditLog.Issued checkpoint, List<Problem> problems) {
        SignedNote note = SignedNote.parse(checkpoint.signedNote());
        if (!NoteVerifier.parse(auditLog.verifierKey()).verifies(note)) {
            add(problems, new Problem(null, null, null, "checkpoint " + checkpoint.size()
                    + " is not signed by the log's key"));
            return;
        }
        LogCheckpoint signed = LogCheckpoint.parse(note.text());
        CompactRange range = CompactRange.empty();
        jdbc.query("SELECT event_hash FROM audit_log_leaves WHERE leaf_index < ? ORDER BY leaf_index",
                rs -> {
                    range.append(TreeHash.leaf(rs.getBytes(1)));
                }, signed.size());
        if (range.size() != signed.size() || !MessageDigest.isEqual(range.root(), signed.root())) {
            add(problems, new Problem(null, null, null, "the log's leaves no longer give the root of checkpoint "
                    + signed.size() + " (the log's tables were rewritten)"));
        }
    }

    private static void add(List<Problem> problems, Problem problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
