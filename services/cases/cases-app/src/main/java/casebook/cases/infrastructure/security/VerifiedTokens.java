package casebook.cases.infrastructure.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens the real decoder has verified (signature, issuer, audience, expiry) until they expire, so a
 * caller's next requests skip parsing and the RSA check. A token is the key as a whole string: any other string,
 * however similar, goes to the decoder. An entry is used only before the token's {@code exp}; after that the
 * decoder decides again (and refuses it). A JWT is valid until it expires whatever the cache does, so this changes
 * nothing about which tokens are accepted; it holds at most {@code capacity} tokens (docs/security.md).
 */
final class VerifiedTokens implements JwtDecoder {
    private final JwtDecoder decoder;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder decoder, int capacity, Clock clock) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.decoder = decoder;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null && now.isBefore(known.getExpiresAt())) {
            return known;
        }
        if (known != null) {
            verified.remove(token, known);
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            makeRoom(now);
            verified.put(token, jwt);
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }

    private void makeRoom(Instant now) {
        if (verified.size() < capacity) return;
        verified.values().removeIf(jwt -> !now.isBefore(jwt.getExpiresAt()));
        if (verified.size() >= capacity) {
            verified.clear();
        }
    }
}
