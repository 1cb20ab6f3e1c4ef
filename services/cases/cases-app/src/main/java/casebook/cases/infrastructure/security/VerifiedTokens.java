package casebook.cases.infrastructure.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers the tokens the real decoder has verified (signature, issuer, audience, expiry), so a caller's next
 * requests skip parsing and the RSA check. A token is the key as a whole string: any other string, however similar,
 * goes to the decoder. An entry is used only before the token's {@code exp} and for at most {@link #REVERIFY_AFTER}
 * after the decoder verified it, whichever comes first; after that the decoder decides again. The decoder refreshes
 * the realm's key set about as often (Nimbus's key-set cache lives 5 minutes), so a signing key removed from the
 * realm stops being trusted for remembered tokens about when it stops being trusted for new ones. A Caffeine cache
 * holds at most {@code capacity} tokens, dropping expired ones first, then the least used (docs/security.md).
 */
final class VerifiedTokens implements JwtDecoder {
    /** How long a verified token is trusted without asking the decoder again, if it has not expired before. */
    static final Duration REVERIFY_AFTER = Duration.ofMinutes(5);

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    /**
     * @param clock  the time compared with each token's {@code exp}
     * @param ticker the time that ages entries ({@link Ticker#systemTicker()}: immune to wall-clock steps)
     */
    VerifiedTokens(JwtDecoder decoder, int capacity, Clock clock, Ticker ticker) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfter(Expiry.<String, Jwt>writing((token, jwt) -> trustedFor(jwt)))
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
            verified.put(token, jwt);
        } else {
            verified.invalidate(token);
        }
        return jwt;
    }

    /** Tokens held now (expired ones are dropped first). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private Duration trustedFor(Jwt jwt) {
        Duration untilExpiry = Duration.between(clock.instant(), jwt.getExpiresAt());
        return untilExpiry.compareTo(REVERIFY_AFTER) < 0 ? untilExpiry : REVERIFY_AFTER;
    }
}
