package casebook.cases.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One detection, exactly as the flag contract carries it (api-specs/flags). {@code recommendation} and
 * {@code moneyAtRisk} may be null; {@code signals} is never null.
 */
public record Flag(FlagId flagId, FlagSource source, SubjectRef subject, Region region, RiskCategory category,
                   BigDecimal score, Recommendation recommendation, Money moneyAtRisk, Signals signals,
                   Instant observedAt) {
    public Flag {
        Objects.requireNonNull(flagId, "flag id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(observedAt, "observed at");
        signals = signals == null ? Signals.NONE : signals;
    }
}
