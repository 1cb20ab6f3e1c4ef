package casebook.cases.infrastructure.security;

import casebook.cases.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verified tokens are remembered until they expire or for five minutes, and only tokens the real decoder accepted. */
class VerifiedTokensTest {
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    final Decoder decoder = new Decoder();
    final MovableClock clock = new MovableClock(NOW);
    final VerifiedTokens tokens = new VerifiedTokens(decoder, 3, clock, clock);

    @Test
    void aVerifiedTokenIsNotVerifiedAgainBeforeItExpires() {
        decoder.accept("t1", NOW.plusSeconds(300));

        Jwt first = tokens.decode("t1");
        clock.advance(Duration.ofSeconds(299));
        Jwt again = tokens.decode("t1");

        assertThat(again).isSameAs(first);
        assertThat(decoder.asked).containsExactly("t1");
    }

    /** As when the token's signing key has been removed from the realm: the decoder refuses it once asked again. */
    @Test
    void aLongLivedTokenGoesBackToTheDecoderAfterFiveMinutes() {
        decoder.accept("t1", NOW.plusSeconds(900));
        tokens.decode("t1");

        clock.advance(VerifiedTokens.REVERIFY_AFTER.minusSeconds(1));
        tokens.decode("t1");
        assertThat(decoder.asked).containsExactly("t1");

        clock.advance(Duration.ofSeconds(1));
        decoder.refuse("t1");
        assertThatThrownBy(() -> tokens.decode("t1")).isInstanceOf(BadJwtException.class);
        assertThat(decoder.asked).containsExactly("t1", "t1");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void anExpiredTokenGoesBackToTheDecoderWhichRefusesIt() {
        decoder.accept("t1", NOW.plusSeconds(300));
        tokens.decode("t1");

        clock.advance(Duration.ofSeconds(300));
        decoder.refuse("t1");

        assertThatThrownBy(() -> tokens.decode("t1")).isInstanceOf(BadJwtException.class);
        assertThat(decoder.asked).containsExactly("t1", "t1");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(decoder.asked).containsExactly("forged", "forged");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenTheDecoderStillAcceptsWithinItsClockSkewButThatHasExpiredIsNotRemembered() {
        decoder.accept("late", NOW.minusSeconds(10));

        tokens.decode("late");
        tokens.decode("late");

        assertThat(decoder.asked).containsExactly("late", "late");
    }

    @Test
    void itHoldsAtMostItsCapacityDroppingExpiredTokensFirst() {
        decoder.accept("short", NOW.plusSeconds(10));
        for (String token : List.of("a", "b", "c", "d")) decoder.accept(token, NOW.plusSeconds(300));
        tokens.decode("short");
        tokens.decode("a");
        tokens.decode("b");
        clock.advance(Duration.ofSeconds(10));

        tokens.decode("c");
        assertThat(tokens.size()).isEqualTo(3);
        tokens.decode("d");
        assertThat(tokens.size()).isLessThanOrEqualTo(3);
        tokens.decode("d");
        assertThat(decoder.asked).containsExactly("short", "a", "b", "c", "d");
    }

    static final class Decoder implements JwtDecoder {
        final Map<String, Instant> accepted = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        void accept(String token, Instant expiresAt) {
            accepted.put(token, expiresAt);
        }

        void refuse(String token) {
            accepted.remove(token);
        }

        @Override
        public Jwt decode(String token) {
            asked.add(token);
            Instant expiresAt = accepted.get(token);
            if (expiresAt == null) throw new BadJwtException("refused");
            return Jwt.withTokenValue(token).header("alg", "RS256").claim("sub", token)
                    .issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt).build();
        }
    }
}
