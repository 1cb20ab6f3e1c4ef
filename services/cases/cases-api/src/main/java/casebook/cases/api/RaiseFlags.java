package casebook.cases.api;

import java.util.List;
import java.util.Objects;

/**
 * Detection systems raise flags; each opens a case for its subject and category or joins the open one. One
 * command for one REST flag or a whole Kafka poll: all of them take effect together or none does. Answers one
 * {@link FlagReceipt} per flag, in order.
 */
public record RaiseFlags(List<Incoming> flags, Actor raisedBy) {
    public RaiseFlags {
        flags = List.copyOf(flags);
        Objects.requireNonNull(raisedBy, "raised by");
    }

    public static RaiseFlags one(Flag flag, Actor raisedBy) {
        return new RaiseFlags(List.of(new Incoming(flag, null)), raisedBy);
    }

    /** A flag and the correlation id it arrived with (a Kafka header), or null to use the command's. */
    public record Incoming(Flag flag, String correlationId) {
        public Incoming {
            Objects.requireNonNull(flag, "flag");
        }
    }
}
