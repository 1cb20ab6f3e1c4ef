package casebook.cases.infrastructure.policy;

import casebook.cases.api.Region;
import casebook.cases.api.SubjectKind;
import casebook.cases.domain.AppealPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

/**
 * Appeal windows and review targets from configuration ({@code casebook.appeals}): a default window and per-region
 * windows per subject kind, never under six months (DSA Art. 20(1)); a default review target and per-region ones.
 */
@ConfigurationProperties("casebook.appeals")
public record AppealProperties(Period window, Map<String, Map<SubjectKind, Period>> regionWindows, Duration review,
                               Map<String, Duration> regionReviews) implements AppealPolicy {
    private static final LocalDate LONGEST_MONTHS_FROM = LocalDate.of(2001, 1, 31);

    public AppealProperties {
        window = window == null ? Period.ofMonths(6) : window;
        regionWindows = regionWindows == null ? Map.of() : Map.copyOf(regionWindows);
        review = review == null ? Duration.ofDays(7) : review;
        regionReviews = regionReviews == null ? Map.of() : Map.copyOf(regionReviews);
        requireSixMonths("casebook.appeals.window", window);
        regionWindows.forEach((region, kinds) -> kinds.forEach((kind, period) ->
                requireSixMonths("casebook.appeals.region-windows." + region + "." + kind, period)));
        if (review.isNegative() || review.isZero() || regionReviews.values().stream().anyMatch(d -> d.isNegative()
                || d.isZero())) {
            throw new IllegalArgumentException("casebook.appeals review targets must be positive");
        }
    }

    private static void requireSixMonths(String name, Period period) {
        if (LONGEST_MONTHS_FROM.plus(period).isBefore(LONGEST_MONTHS_FROM.plusMonths(6))) {
            throw new IllegalArgumentException(name + " must be at least six months (DSA Art. 20), was " + period);
        }
    }

    @Override
    public Period window(Region region, SubjectKind kind) {
        return regionWindows.getOrDefault(region.code(), Map.of()).getOrDefault(kind, window);
    }

    @Override
    public Duration reviewTarget(Region region) {
        return regionReviews.getOrDefault(region.code(), review);
    }
}
