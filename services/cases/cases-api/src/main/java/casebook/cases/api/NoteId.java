package casebook.cases.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a note on a case. */
public record NoteId(UUID value) {
    public NoteId {
        Objects.requireNonNull(value, "note id");
    }

    public static NoteId random() {
        return new NoteId(UUID.randomUUID());
    }

    @JsonCreator
    public static NoteId of(String value) {
        return new NoteId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
