package casebook.cases.infrastructure.web;

import casebook.cases.MovableClock;
import casebook.cases.api.Actor;
import casebook.cases.api.Region;
import casebook.cases.api.RegionScope;
import casebook.cases.api.Role;
import casebook.cases.infrastructure.security.CallerAuthentication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each caller's budget per minute, the 429 problem once it is spent, and a bounded memory of callers. */
class RateLimitsTest {
    static final Actor ANA = actor("ana.sea", Role.ANALYST);
    static final Actor LEE = actor("lee.sea", Role.LEAD);
    static final Actor DETECTOR = actor("detector-sea", Role.DETECTION);

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T08:00:15Z"));
    final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    final RateLimits limits = new RateLimits(new RateLimits.Settings(3, 5, 2), new Problems(json), clock);

    @AfterEach
    void noCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCallerHasItsBudgetEachMinuteThenGets429WithAProblem() throws Exception {
        for (int remaining = 2; remaining >= 0; remaining--) {
            MockHttpServletResponse ok = send(ANA);
            assertThat(ok.getStatus()).isEqualTo(200);
            assertThat(ok.getHeader("RateLimit-Limit")).isEqualTo("3");
            assertThat(ok.getHeader("RateLimit-Remaining")).isEqualTo(String.valueOf(remaining));
            assertThat(ok.getHeader("RateLimit-Reset")).isEqualTo("45");
        }

        clock.advance(Duration.ofSeconds(10));
        MockHttpServletResponse refused = send(ANA);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("35");
        assertThat(refused.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(refused.getContentAsString());
        assertThat(problem.path("code").asText()).isEqualTo("rate-limited");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(forwarded).isEqualTo(3);
    }

    @Test
    void theBudgetIsFullAgainAtTheNextMinute() throws Exception {
        for (int i = 0; i < 4; i++) send(ANA);
        clock.advance(Duration.ofSeconds(44));
        assertThat(send(ANA).getStatus()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(1));
        MockHttpServletResponse next = send(ANA);

        assertThat(next.getStatus()).isEqualTo(200);
        assertThat(next.getHeader("RateLimit-Remaining")).isEqualTo("2");
        assertThat(next.getHeader("RateLimit-Reset")).isEqualTo("60");
    }

    @Test
    void callersDoNotShareABudgetAndDetectionSystemsHaveTheirOwn() throws Exception {
        for (int i = 0; i < 3; i++) send(ANA);
        assertThat(send(ANA).getStatus()).isEqualTo(429);

        assertThat(send(LEE).getHeader("RateLimit-Remaining")).isEqualTo("2");
        MockHttpServletResponse detector = send(DETECTOR);
        assertThat(detector.getStatus()).isEqualTo(200);
        assertThat(detector.getHeader("RateLimit-Limit")).isEqualTo("5");
        assertThat(detector.getHeader("RateLimit-Remaining")).isEqualTo("4");
    }

    @Test
    void callersIdleForAMinuteAreForgottenAndAtMostMaxCallersAreKept() throws Exception {
        send(ANA);
        send(LEE);
        send(DETECTOR);
        assertThat(limits.callers()).isLessThanOrEqualTo(2);

        clock.advance(Duration.ofMinutes(1));
        assertThat(limits.callers()).isZero();
    }

    @Test
    void requestsWithoutACallerAreLeftToAuthentication() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limits.doFilter(new MockHttpServletRequest("GET", "/api/v1/queue"), response, new MockFilterChain());

        assertThat(response.getHeader("RateLimit-Limit")).isNull();
        assertThat(limits.callers()).isZero();
    }

    int forwarded;

    private MockHttpServletResponse send(Actor actor) throws Exception {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(actor, null));
        SecurityContextHolder.setContext(context);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limits.doFilter(new MockHttpServletRequest("GET", "/api/v1/queue"), response, (request, answer) -> forwarded++);
        return response;
    }

    private static Actor actor(String userId, Role role) {
        return new Actor(userId, Set.of(role), RegionScope.of(Set.of(new Region("SEA"))));
    }
}
