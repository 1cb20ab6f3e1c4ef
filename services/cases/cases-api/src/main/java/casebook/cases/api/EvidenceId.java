package casebook.cases.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of one piece of evidence on a case. */
public record EvidenceId(UUID value) {
    public EvidenceId {
        Objects.requireNonNull(value, "evidence id");
    }

    public static EvidenceId random() {
        return new EvidenceId(UUID.randomUUID());
    }

    @JsonCreator
    public static EvidenceId of(String value) {
        return new EvidenceId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
