package casebook.audit.tlog;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Checks a {@link CaseBundle} with nothing but the log's published key: the checkpoint's signature, the stream's head
 * in the checkpoint's heads tree, then every event in order (its sequence, its place in the chain, its leaf in the
 * log). The verdict names the first event that fails and why; an untouched bundle verifies.
 */
public final class BundleVerifier {
    private final NoteVerifier logKey;

    public BundleVerifier(NoteVerifier logKey) {
        this.logKey = Objects.requireNonNull(logKey, "the log's published key");
    }

    /** The outcome: valid, or the first bad event's sequence number (null when the problem is not one event's). */
    public record Verdict(boolean valid, Long firstBadSequence, String problem, long events, LogCheckpoint checkpoint) {
        static Verdict bad(Long sequence, String problem) {
            return new Verdict(false, sequence, problem, 0, null);
        }
    }

    public Verdict verify(CaseBundle bundle) {
        if (bundle == null || !CaseBundle.FORMAT.equals(bundle.format())) {
            return Verdict.bad(null, "not a " + CaseBundle.FORMAT + " bundle");
        }
        LogCheckpoint checkpoint;
        try {
            SignedNote note = SignedNote.parse(bundle.signedCheckpoint());
            if (!logKey.verifies(note)) {
                return Verdict.bad(null, "the checkpoint is not signed by the log's key " + logKey.name());
            }
            checkpoint = LogCheckpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            return Verdict.bad(null, "the checkpoint is unreadable: " + e.getMessage());
        }
        CaseBundle.Head head = bundle.head();
        if (head == null || head.lastHash() == null || head.lastHash().length != TreeHash.SIZE || head.length() < 1
                || bundle.streamId() == null) {
            return Verdict.bad(null, "the bundle does not say which stream it holds and where its head is");
        }
        byte[] headLeaf = TreeHash.leaf(EventChain.headEntry(bundle.streamId(), head.length(), head.lastHash()));
        if (!Proofs.inclusionHolds(head.index(), checkpoint.headsCount(), headLeaf, head.inclusionProof(),
                checkpoint.headsRoot())) {
            return Verdict.bad(null, "the checkpoint does not hold this stream with " + head.length()
                    + " events ending in the given hash");
        }
        byte[] previous = EventChain.GENESIS;
        List<CaseBundle.Entry> entries = bundle.events();
        for (int position = 0; position < entries.size(); position++) {
            CaseBundle.Entry entry = entries.get(position);
            StoredEvent event = entry == null ? null : entry.event();
            if (event == null) {
                return Verdict.bad((long) position, "event " + position + " is missing from the bundle");
            }
            String name = "event " + event.sequenceNumber() + " (" + event.eventIdentifier() + ")";
            if (position >= head.length()) {
                return Verdict.bad(event.sequenceNumber(), name + " is beyond the stream's " + head.length()
                        + " events at the checkpoint: inserted");
            }
            if (!bundle.streamId().equals(event.streamId())) {
                return Verdict.bad(event.sequenceNumber(), name + " belongs to another stream");
            }
            if (event.sequenceNumber() != position) {
                return Verdict.bad((long) position, "event " + position + " is not where it should be: found "
                        + name + " (removed, inserted or reordered)");
            }
            byte[] hash = EventChain.hash(previous, event);
            if (entry.leafIndex() < 0 || entry.leafIndex() >= checkpoint.size()
                    || !Proofs.inclusionHolds(entry.leafIndex(), checkpoint.size(), TreeHash.leaf(hash),
                    entry.inclusionProof(), checkpoint.root())) {
                return Verdict.bad(event.sequenceNumber(), name + " is not the event the log holds: altered, or an"
                        + " event before it was removed or changed");
            }
            previous = hash;
        }
        if (entries.size() < head.length()) {
            return Verdict.bad((long) entries.size(), "the stream had " + head.length() + " events at the checkpoint,"
                    + " the bundle holds " + entries.size() + ": events from " + entries.size() + " on are cut off");
        }
        if (!MessageDigest.isEqual(previous, head.lastHash())) {
            return Verdict.bad(head.length() - 1, "the last event is not the stream's head at the checkpoint");
        }
        return new Verdict(true, null, null, entries.size(), checkpoint);
    }

    /**
     * Why the newer signed checkpoint does not extend the older one (both must be this log's), or null when it does:
     * what a witness checks before it cosigns, and what tells a forked or rewritten log.
     */
    public String inconsistency(String olderSignedCheckpoint, String newerSignedCheckpoint, List<byte[]> proof) {
        try {
            SignedNote older = SignedNote.parse(olderSignedCheckpoint);
            SignedNote newer = SignedNote.parse(newerSignedCheckpoint);
            if (!logKey.verifies(older) || !logKey.verifies(newer)) {
                return "a checkpoint is not signed by the log's key " + logKey.name();
            }
            Checkpoint first = Checkpoint.parse(older.text());
            Checkpoint second = Checkpoint.parse(newer.text());
            if (!first.origin().equals(second.origin())) {
                return "the checkpoints are of two logs: " + first.origin() + " and " + second.origin();
            }
            if (first.size() > second.size()) {
                return "the newer checkpoint is smaller (" + second.size() + " < " + first.size() + "): truncated";
            }
            if (!Proofs.consistencyHolds(first.size(), second.size(), first.rootHash(), second.rootHash(), proof)) {
                return "the log of " + second.size() + " events does not extend the log of " + first.size()
                        + ": rewritten or forked";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "a checkpoint is unreadable: " + e.getMessage();
        }
    }
}
