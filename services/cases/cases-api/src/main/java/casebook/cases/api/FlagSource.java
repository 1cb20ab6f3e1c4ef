package casebook.cases.api;

import java.util.Objects;

/** The rule or model that raised a flag, with its version (model owners need it for feedback). */
public record FlagSource(Kind kind, String id, String version) {
    public enum Kind { RULE, MODEL }

    public FlagSource {
        Objects.requireNonNull(kind, "source kind");
        Objects.requireNonNull(id, "source id");
        Objects.requireNonNull(version, "source version");
    }
}
