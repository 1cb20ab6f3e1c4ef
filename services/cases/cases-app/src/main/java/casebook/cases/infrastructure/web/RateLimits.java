package casebook.cases.infrastructure.web;

import casebook.cases.api.Role;
import casebook.cases.infrastructure.security.Callers;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Per-caller request budget per minute (OWASP API4), counted in this instance: every answer carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}; an exhausted caller gets
 * 429 with {@code Retry-After}. Detection systems get their own, larger budget. Each caller has a Bucket4j token
 * bucket refilled in full at the start of every minute; buckets live in a Caffeine cache that forgets a caller idle
 * for a minute (by then its bucket is full again, so nothing is lost) and holds at most {@code maxCallers}.
 */
public class RateLimits extends OncePerRequestFilter {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Settings settings;
    private final Problems problems;
    private final Clock clock;
    private final Cache<Budget, Bucket> buckets;

    public RateLimits(Settings settings, Problems problems, Clock clock) {
        this.settings = settings;
        this.problems = problems;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxCallers())
                .expireAfterAccess(WINDOW)
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run)
                .build();
    }

    @Validated
    @ConfigurationProperties("casebook.rate-limit")
    public record Settings(@DefaultValue("1200") @Min(1) int perMinute,
                           @DefaultValue("120000") @Min(1) int detectionPerMinute,
                           @DefaultValue("100000") @Min(1) int maxCallers) {
    }

    private record Budget(String caller, int perMinute) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var caller = Callers.find();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        int limit = caller.get().has(Role.DETECTION) ? settings.detectionPerMinute() : settings.perMinute();
        ConsumptionProbe probe = buckets.get(new Budget(caller.get().userId(), limit), this::bucket)
                .tryConsumeAndReturnRemaining(1);
        long reset = WINDOW.toSeconds() - clock.millis() / 1000 % WINDOW.toSeconds();
        response.setHeader("RateLimit-Limit", String.valueOf(limit));
        response.setHeader("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", String.valueOf(reset));
        if (!probe.isConsumed()) {
            response.setHeader("Retry-After", String.valueOf(reset));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "too many requests; try again in " + reset + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Callers with a bucket now (idle ones are dropped first). */
    long callers() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** A full budget now, refilled in full at the start of each minute of the clock. */
    private Bucket bucket(Budget budget) {
        long nowSeconds = clock.millis() / 1000;
        Instant nextMinute = Instant.ofEpochSecond(nowSeconds - nowSeconds % WINDOW.toSeconds() + WINDOW.toSeconds());
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(budget.perMinute())
                        .refillIntervallyAligned(budget.perMinute(), WINDOW, nextMinute))
                .withCustomTimePrecision(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return clock.millis() * 1_000_000L;
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .build();
    }
}
