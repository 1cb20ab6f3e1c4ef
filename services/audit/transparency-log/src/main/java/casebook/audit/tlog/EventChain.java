package casebook.audit.tlog;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The per-stream hash chain: an event's hash covers every stored byte of it (stream, sequence, identifier, types,
 * revision, time, metadata, payload) and the hash of the stream's previous event, so that altering, removing,
 * inserting or reordering any event changes every hash after it. The first event's previous hash is 32 zero bytes.
 * Each field is written with its length first (-1 for a missing revision), behind a version tag, so that no two
 * different events can encode to the same bytes. The event hash is the entry of the event's leaf in the log.
 */
public final class EventChain {
    /** The previous hash of a stream's first event. */
    public static final byte[] GENESIS = new byte[TreeHash.SIZE];
    private static final byte[] EVENT_TAG = "casebook/event/v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEAD_TAG = "casebook/stream-head/v1\n".getBytes(StandardCharsets.US_ASCII);

    private EventChain() {
    }

    public static byte[] hash(byte[] previous, StoredEvent event) {
        TreeHash.requireHash(previous);
        Encoder out = new Encoder(EVENT_TAG);
        out.raw(previous);
        out.text(event.streamId());
        out.number(event.sequenceNumber());
        out.text(event.eventIdentifier());
        out.text(event.aggregateType());
        out.text(event.payloadType());
        out.text(event.payloadRevision());
        out.text(event.timeStamp());
        out.bytes(event.metaData());
        out.bytes(event.payload());
        return TreeHash.sha256().digest(out.toByteArray());
    }

    /** The entry of a stream's head in a checkpoint's heads tree: the stream, how many events it has, the last hash. */
    public static byte[] headEntry(String streamId, long length, byte[] headHash) {
        Encoder out = new Encoder(HEAD_TAG);
        out.text(streamId);
        out.number(length);
        out.raw(TreeHash.requireHash(headHash));
        return out.toByteArray();
    }

    private static final class Encoder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Encoder(byte[] tag) {
            out.writeBytes(tag);
        }

        void raw(byte[] bytes) {
            out.writeBytes(bytes);
        }

        void number(long value) {
            out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
        }

        void text(String value) {
            bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] value) {
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
            if (value != null) {
                out.writeBytes(value);
            }
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
