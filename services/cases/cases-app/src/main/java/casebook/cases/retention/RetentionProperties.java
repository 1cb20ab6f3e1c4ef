package casebook.cases.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

/**
 * Retention of closed cases ({@code casebook.retention}): per region, how long a closed case keeps its personal data
 * ({@code region-periods}, e.g. {@code SEA: P3Y}; a region without a period is never erased by retention), how often
 * the schedule looks ({@code check-every}) and how many cases one look erases at most ({@code batch-size}).
 */
@ConfigurationProperties("casebook.retention")
public record RetentionProperties(Map<String, Period> regionPeriods, Duration checkEvery, Integer batchSize) {
    public RetentionProperties {
        regionPeriods = regionPeriods == null ? Map.of() : Map.copyOf(regionPeriods);
        checkEvery = checkEvery == null ? Duration.ofHours(1) : checkEvery;
        batchSize = batchSize == null ? 500 : batchSize;
        regionPeriods.forEach((region, period) -> {
            if (period.isNegative()) {
                throw new IllegalArgumentException("casebook.retention.region-periods." + region + " cannot be negative");
            }
        });
        if (checkEvery.isNegative() || checkEvery.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("casebook.retention.check-every and batch-size must be positive");
        }
    }
}
