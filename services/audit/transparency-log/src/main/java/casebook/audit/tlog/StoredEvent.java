package casebook.audit.tlog;

/**
 * One event as the event store holds it, byte for byte: what the hashes cover. Personal fields are inside
 * {@code payload} encrypted (docs/adr/0018), so destroying a subject's key changes no stored byte and every hash and
 * proof still verifies. {@code payloadRevision} may be null.
 */
public record StoredEvent(String streamId, long sequenceNumber, String eventIdentifier, String aggregateType,
                          String payloadType, String payloadRevision, String timeStamp, byte[] metaData,
                          byte[] payload) {
    public StoredEvent {
        if (streamId == null || eventIdentifier == null || payloadType == null || timeStamp == null
                || payload == null) {
            throw new IllegalArgumentException("a stored event has a stream, an identifier, a type, a time and a payload");
        }
        if (sequenceNumber < 0) {
            throw new IllegalArgumentException("a stored event's sequence number is not negative");
        }
        metaData = metaData == null ? new byte[0] : metaData.clone();
        payload = payload.clone();
    }

    @Override
    public byte[] metaData() {
        return metaData.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
