package casebook.cases.api;

import java.util.Objects;

/** A subject: a shop, a creator or a transaction, by the marketplace's own id. */
public record SubjectRef(SubjectKind kind, @PersonalData String id) {
    public static final int MAX_ID_LENGTH = 128;

    public SubjectRef {
        Objects.requireNonNull(kind, "subject kind");
        Objects.requireNonNull(id, "subject id");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("subject id must be 1-" + MAX_ID_LENGTH + " characters");
        }
    }
}
