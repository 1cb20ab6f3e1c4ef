package casebook.cases.api.regulatory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Legal's own id of a regulatory request, chosen by the client like a flag id: the same id twice is the same request.
 * Axon stores {@link #toString()} as the aggregate identifier; it is prefixed so that no request can ever share an
 * event stream with a case (case ids are UUIDs, and a client may well choose a UUID here too).
 */
public record RegulatoryRequestId(String value) {
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    static final String STREAM_PREFIX = "regulatory-request:";

    public RegulatoryRequestId {
        Objects.requireNonNull(value, "request id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "request id must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
    }

    @JsonCreator
    public static RegulatoryRequestId of(String value) {
        return new RegulatoryRequestId(value);
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** The aggregate identifier in the event store. */
    @Override
    public String toString() {
        return STREAM_PREFIX + value;
    }
}
