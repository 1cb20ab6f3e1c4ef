package casebook.cases.api;

import java.math.BigDecimal;
import java.util.Objects;

/** A model's suggested action with its confidence 0..1. Advice only: people decide. */
public record Recommendation(EnforcementAction action, BigDecimal confidence) {
    public Recommendation {
        Objects.requireNonNull(action, "recommended action");
        Objects.requireNonNull(confidence, "recommendation confidence");
    }
}
