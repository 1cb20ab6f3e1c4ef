package casebook.cases.infrastructure.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * Browser origins allowed to call the API ({@code casebook.web.allowed-origins}, e.g. a regional console);
 * none by default, never {@code *}.
 */
@ConfigurationProperties("casebook.web")
public record CorsSettings(List<String> allowedOrigins) {
    public CorsSettings {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        if (allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("casebook.web.allowed-origins must name origins, not '*'");
        }
    }

    CorsConfigurationSource source() {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(allowedOrigins);
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        api.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "X-Correlation-Id",
                "X-Read-Reason"));
        api.setExposedHeaders(List.of("ETag", "X-Correlation-Id", "RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset", "Retry-After"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }
}
