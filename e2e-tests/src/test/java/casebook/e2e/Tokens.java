package casebook.e2e;

import casebook.devstack.KeycloakServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Real Keycloak access tokens, one per principal, fetched again a minute before they expire (tokens live
 * minutes; a test run can outlive one).
 */
final class Tokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer keycloak;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    Tokens(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /** A demo person; their password is their user name. */
    String user(String user) {
        return fresh("user:" + user, () -> keycloak.passwordToken(user, user));
    }

    /**
     * A system's service account (a detector {@code detector-<region>}, the seller/creator centre's
     * {@code appeals-<region>}); its secret is {@code <clientId>-secret}.
     */
    String client(String clientId) {
        return fresh("client:" + clientId, () -> keycloak.clientToken(clientId, clientId + "-secret"));
    }

    private String fresh(String principal, Supplier<String> fetch) {
        return cache.compute(principal, (key, token) ->
                token != null && token.validFor60s() ? token : Token.of(fetch.get())).value();
    }

    private record Token(String value, Instant expiresAt) {
        static Token of(String jwt) {
            String[] parts = jwt.split("\\.");
            try {
                JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
                return new Token(jwt, Instant.ofEpochSecond(claims.path("exp").asLong()));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JWT from Keycloak", e);
            }
        }

        boolean validFor60s() {
            return Instant.now().plusSeconds(60).isBefore(expiresAt);
        }
    }
}
