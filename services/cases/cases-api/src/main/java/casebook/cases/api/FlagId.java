package casebook.cases.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** The detection system's own id of a flag; the same id always means the same detection. */
public record FlagId(String value) {
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    public FlagId {
        Objects.requireNonNull(value, "flag id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("flag id must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
    }

    @JsonCreator
    public static FlagId of(String value) {
        return new FlagId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
