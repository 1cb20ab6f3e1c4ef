package casebook.audit.tlog;

import java.util.List;

/**
 * A stream's self-contained proof package (a case's export): its events as stored, each with its leaf index and
 * inclusion proof in the log at the checkpoint; the proof that the checkpoint's heads tree holds the stream's head
 * (length and last hash); the signed checkpoint; and the log's verifier key, for convenience only: an auditor checks
 * against the key the operator published, never against the one the bundle carries.
 */
public record CaseBundle(String format, String streamId, List<Entry> events, Head head, String signedCheckpoint,
                         String verifierKey) {
    public static final String FORMAT = "casebook-case-bundle/1";

    public CaseBundle {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** One event with where it sits in the log and the proof that it does. */
    public record Entry(StoredEvent event, long leafIndex, List<byte[]> inclusionProof) {
        public Entry {
            inclusionProof = inclusionProof == null ? List.of() : List.copyOf(inclusionProof);
        }
    }

    /** The stream's head at the checkpoint, and its place in the checkpoint's heads tree. */
    public record Head(long length, byte[] lastHash, long index, List<byte[]> inclusionProof) {
        public Head {
            inclusionProof = inclusionProof == null ? List.of() : List.copyOf(inclusionProof);
        }
    }
}
