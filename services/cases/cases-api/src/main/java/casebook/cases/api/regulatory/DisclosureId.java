package casebook.cases.api.regulatory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** Legal's own id of a disclosure package of a request, chosen by the client: the same id twice is the same package. */
public record DisclosureId(String value) {
    public static final Pattern FORMAT = RegulatoryRequestId.FORMAT;

    public DisclosureId {
        Objects.requireNonNull(value, "disclosure id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "disclosure id must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
    }

    @JsonCreator
    public static DisclosureId of(String value) {
        return new DisclosureId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
