package casebook.cases.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of one decision proposed on a case (a case sent back and proposed again has a new one). */
public record DecisionId(UUID value) {
    public DecisionId {
        Objects.requireNonNull(value, "decision id");
    }

    public static DecisionId random() {
        return new DecisionId(UUID.randomUUID());
    }

    @JsonCreator
    public static DecisionId of(String value) {
        return new DecisionId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
