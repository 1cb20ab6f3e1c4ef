package casebook.cases.infrastructure.web;

import casebook.cases.api.Role;
import casebook.cases.infrastructure.security.Callers;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-caller request budget per minute (OWASP API4), counted in this instance: every answer carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}; an exhausted caller gets
 * 429 with {@code Retry-After}. Detection systems get their own, larger budget.
 */
public class RateLimits extends OncePerRequestFilter {
    private final Settings settings;
    private final Problems problems;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimits(Settings settings, Problems problems, Clock clock) {
        this.settings = settings;
        this.problems = problems;
        this.clock = clock;
    }

    @Validated
    @ConfigurationProperties("casebook.rate-limit")
    public record Settings(@DefaultValue("1200") @Min(1) int perMinute,
                           @DefaultValue("120000") @Min(1) int detectionPerMinute) {
    }

    private record Window(long minute, AtomicInteger used) {
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
        long nowSeconds = clock.millis() / 1000;
        long minute = nowSeconds / 60;
        Window window = windows.compute(caller.get().userId(),
                (id, current) -> current == null || current.minute() != minute ? new Window(minute, new AtomicInteger()) : current);
        int used = window.used().incrementAndGet();
        long reset = (minute + 1) * 60 - nowSeconds;
        response.setHeader("RateLimit-Limit", String.valueOf(limit));
        response.setHeader("RateLimit-Remaining", String.valueOf(Math.max(0, limit - used)));
        response.setHeader("RateLimit-Reset", String.valueOf(reset));
        if (used > limit) {
            response.setHeader("Retry-After", String.valueOf(reset));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "too many requests; try again in " + reset + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
