package casebook.cases.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of one enforcement action ordered by a decision: the key enforcement systems de-duplicate by.
 * Derived from the decision and the action's position, so the same decision always orders the same ids.
 */
public record ActionId(UUID value) {
    public ActionId {
        Objects.requireNonNull(value, "action id");
    }

    public static ActionId of(DecisionId decision, int position) {
        return new ActionId(UUID.nameUUIDFromBytes((decision + "/" + position).getBytes(StandardCharsets.UTF_8)));
    }

    /** The id of the order that reverses {@code original} (an overturn on appeal): the same for the same action. */
    public static ActionId reversalOf(ActionId original) {
        return new ActionId(UUID.nameUUIDFromBytes(("reversal/" + original).getBytes(StandardCharsets.UTF_8)));
    }

    @JsonCreator
    public static ActionId of(String value) {
        return new ActionId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
