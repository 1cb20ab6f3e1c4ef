package casebook.cases.infrastructure.security;

import casebook.cases.api.Actor;
import casebook.cases.api.Region;
import casebook.cases.api.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a Keycloak access token becomes a caller: roles, regions and identity. */
class KeycloakTokensTest {
    final KeycloakTokens tokens = new KeycloakTokens();

    static Jwt token(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return jwt.build();
    }

    @Test
    void anAnalystOfOneRegionSeesOnlyThatRegion() {
        Actor actor = tokens.convert(token(Map.of("preferred_username", "ana.sea",
                "roles", List.of("analyst", "default-roles-casebook", "offline_access"), "regions", List.of("SEA"))))
                .actor();

        assertThat(actor.userId()).isEqualTo("ana.sea");
        assertThat(actor.roles()).containsExactly(Role.ANALYST);
        assertThat(actor.sees(new Region("SEA"))).isTrue();
        assertThat(actor.sees(new Region("US"))).isFalse();
    }

    @Test
    void aStarGrantsEveryRegion() {
        Actor auditor = tokens.convert(token(Map.of("preferred_username", "audrey", "roles", List.of("auditor"),
                "regions", List.of("*")))).actor();

        assertThat(auditor.sees(new Region("US"))).isTrue();
        assertThat(auditor.sees(new Region("BR"))).isTrue();
    }

    @Test
    void withoutARegionsClaimNoRegionIsVisible() {
        Actor actor = tokens.convert(token(Map.of("preferred_username", "newbie", "roles", List.of("analyst"))))
                .actor();

        assertThat(actor.sees(new Region("SEA"))).isFalse();
    }

    @Test
    void malformedRegionCodesAreIgnored() {
        Actor actor = tokens.convert(token(Map.of("preferred_username", "x", "roles", List.of("analyst"),
                "regions", List.of("sea", "US; DROP", "US")))).actor();

        assertThat(actor.scope().regions()).containsExactly(new Region("US"));
    }

    @Test
    void aServiceAccountIsNamedByItsClientId() {
        var caller = tokens.convert(token(Map.of("preferred_username", "service-account-detector-sea",
                "client_id", "detector-sea", "azp", "detector-sea", "roles", List.of("detection"),
                "regions", List.of("SEA"))));

        assertThat(caller.getName()).isEqualTo("detector-sea");
        assertThat(caller.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_DETECTION");
    }
}
