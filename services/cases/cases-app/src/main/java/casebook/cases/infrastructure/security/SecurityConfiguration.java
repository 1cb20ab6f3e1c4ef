package casebook.cases.infrastructure.security;

import casebook.cases.infrastructure.console.ConsoleSignIn;
import casebook.cases.infrastructure.web.Problems;
import casebook.cases.infrastructure.web.RateLimits;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * OAuth2 resource server against Keycloak: tokens are checked for signature, issuer, audience and expiry by
 * Spring Boot's decoder ({@code spring.security.oauth2.resourceserver.jwt.*}); roles gate each endpoint here,
 * regions are enforced by the model and the read model (a case of another region is a 404).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    private static final String[] READERS = {"ANALYST", "LEAD", "LEGAL", "AUDITOR", "ADMIN"};
    /** Verified tokens remembered until they expire: far more than the callers active within a token's lifetime. */
    private static final int VERIFIED_TOKENS = 10_000;

    /**
     * Spring's strict firewall, with its header check ("assigned, not an ISO control character") done by a loop
     * over the characters: its default regex over every header value (the bearer token is ~1.5 KB) was a
     * measurable share of each request.
     */
    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(SecurityConfiguration::assignedAndNotControl);
        firewall.setAllowedHeaderValues(SecurityConfiguration::assignedAndNotControl);
        return web -> web.httpFirewall(firewall);
    }

    /**
     * What the firewall refuses (a control character in a header, an encoded slash in the URL, ...) is bad input like
     * any other: 400 with a problem, not the 500 Spring Security's default handler ends in. The detail does not echo
     * the refused value.
     */
    @Bean
    RequestRejectedHandler rejectedRequests(Problems problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST, "invalid-request",
                Problems.REJECTED_REQUEST);
    }

    /** What {@code StrictHttpFirewall}'s default {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} accepts. */
    static boolean assignedAndNotControl(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!Character.isDefined(c) || Character.isISOControl(c)) return false;
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * Spring Security observes nothing: not each filter of the chain, nor each authentication and authorization
     * (more spans than work on every request); the request itself is timed once, by {@code http.server.requests}.
     * Unlike turning the observations off by name ({@code management.observations.enable}), this leaves the chain's
     * filters unwrapped: the wrappers cost ~2% of a search's CPU even when they observed nothing.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, KeycloakTokens tokens, JwtDecoder decoder, Problems problems,
                            RateLimits.Settings limits, CorsSettings cors, ConsoleSignIn console) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> problems.write(response,
                HttpStatus.UNAUTHORIZED, "unauthenticated", "a valid bearer token from the casebook realm is required");
        AccessDeniedHandler forbidden = (request, response, e) -> problems.write(response,
                HttpStatus.FORBIDDEN, "forbidden", "your roles do not allow this action");
        http.csrf(csrf -> csrf.disable())
                .cors(c -> c.configurationSource(cors.source()))
                .addFilterAfter(new RateLimits(limits, problems, Clock.systemUTC()), BearerTokenAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // besides Spring Security's defaults (nosniff, no framing, no caching unless set, ...): the console's
                // Content-Security-Policy on every response, and no URL of the console sent to other sites
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(console.contentSecurityPolicy()))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // the console's static files: public like any web app's; everything it shows comes from the
                        // API with the signed-in person's token (docs/adr/0024)
                        .requestMatchers(HttpMethod.GET, "/console", "/console/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/flags").hasRole("DETECTION")
                        .requestMatchers(HttpMethod.GET, "/api/v1/cases/*/export").hasAnyRole("AUDITOR", "LEGAL")
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/checkpoints/latest", "/api/v1/audit/consistency")
                        .hasAnyRole("AUDITOR", "LEGAL", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/audit/checkpoints", "/api/v1/audit/verification")
                        .hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/verifier-key").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/case-reads").hasRole("AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/**", "/api/v1/queue")
                        .hasAnyRole(READERS)
                        .requestMatchers("/api/v1/cases/*/assignee").hasAnyRole("ANALYST", "LEAD")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/cases/*/escalation").hasAnyRole("ANALYST", "LEAD")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/cases/*/escalation").hasRole("LEAD")
                        .requestMatchers("/api/v1/cases/*/closure").hasAnyRole("ANALYST", "LEAD")
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/evidence").hasAnyRole("ANALYST", "LEAD", "LEGAL")
                        .requestMatchers("/api/v1/cases/*/entities").hasAnyRole("ANALYST", "LEAD")
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/merge").hasAnyRole("ANALYST", "LEAD")
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/notes").hasAnyRole("ANALYST", "LEAD", "LEGAL")
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/decision").hasAnyRole("ANALYST", "LEAD")
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/appeals").hasAnyRole("SUPPORT", "APPEALS")
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/appeals/*/decision")
                        .hasAnyRole("ANALYST", "LEAD")
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/decision/approval",
                                "/api/v1/cases/*/decision/send-back", "/api/v1/cases/*/decision/actions/*/retry")
                        .hasRole("LEAD")
                        .requestMatchers(HttpMethod.GET, "/api/v1/metrics/regions/*").hasAnyRole("LEAD", "AUDITOR")
                        .requestMatchers("/api/v1/regulatory-requests", "/api/v1/regulatory-requests/**")
                        .hasRole("LEGAL")
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/legal-holds").hasRole("LEGAL")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/cases/*/legal-holds/*").hasRole("LEGAL")
                        .requestMatchers(HttpMethod.POST, "/api/v1/erasure-requests").hasAnyRole("LEGAL", "PRIVACY")
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenResolver(new BearerTokenHeader())
                        .jwt(jwt -> jwt.decoder(new VerifiedTokens(decoder, VERIFIED_TOKENS, Clock.systemUTC(), Ticker.systemTicker()))
                                .jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));
        return http.build();
    }
}
