package casebook.cases.infrastructure.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens the real decoder has verified (signature, issuer, audience, expiry), so a caller's next
 * requests skip parsing and the RSA check. A token is the key as a whole string: any other string, however similar,
 * goes to the decoder. An entry is used only before the token's {@code exp} and for at most {@link #REVERIFY_AFTER}
 * after the decoder verified it; after that the decoder decides again. The decoder refreshes the realm's key set
 * about as often (Nimbus's key-set cache lives 5 minutes), so a signing key removed from the realm stops being
 * trusted for remembered tokens about when it stops being trusted for new ones. It holds at most {@code capacity}
 * tokens (docs/security.md).
 */
final class VerifiedTokens implements JwtDecoder {
    /** How long a verified token is trusted without asking the decoder again, if it has not expired before. */
    static final Duration REVERIFY_AFTER = Duration.ofMinutes(5);

    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder decoder;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder decoder, int capacity, Clock clock) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.decoder = decoder;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.until())) {
            return known.jwt();
        }
        if (known != null) {
            verified.remove(token, known);
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            makeRoom(now);
            Instant reverify = now.plus(REVERIFY_AFTER);
            verified.put(token, new Verified(jwt, jwt.getExpiresAt().isBefore(reverify) ? jwt.getExpiresAt() : reverify));
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }

    private void makeRoom(Instant now) {
        if (verified.size() < capacity) return;
        verified.values().removeIf(entry -> !now.isBefore(entry.until()));
        if (verified.size() >= capacity) {
            verified.clear();
        }
    }
}
