package casebook.cases.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** The filer's own id of an appeal (the seller/creator centre's or support's); the same id is the same appeal. */
public record AppealId(String value) {
    public static final Pattern FORMAT = FlagId.FORMAT;

    public AppealId {
        Objects.requireNonNull(value, "appeal id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("appeal id must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
    }

    @JsonCreator
    public static AppealId of(String value) {
        return new AppealId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
