package casebook.cases.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** An operating region such as {@code SEA} or {@code US}: a hard boundary for reads and writes. */
public record Region(String code) {
    public static final Pattern FORMAT = Pattern.compile("[A-Z]{2,8}");

    public Region {
        Objects.requireNonNull(code, "region");
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("region must be 2-8 upper-case letters");
        }
    }

    @JsonCreator
    public static Region of(String code) {
        return new Region(code);
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
