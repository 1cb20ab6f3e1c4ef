package casebook.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeycloakServerTest {

    private static KeycloakServer keycloak;

    @BeforeAll
    static void startStack() {
        keycloak = DevStack.shared().startAll().keycloak();
    }

    @Test
    void analystTokenCarriesRolesRegionsAndTheApiAudience() throws Exception {
        JsonNode claims = payload(keycloak.passwordToken("ana.sea", "ana.sea"));

        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuerUri());
        assertThat(strings(claims.path("aud"))).contains("casebook-api");
        assertThat(strings(claims.path("roles"))).contains("analyst").doesNotContain("lead");
        assertThat(strings(claims.path("regions"))).containsExactly("SEA");
        assertThat(claims.path("preferred_username").asText()).isEqualTo("ana.sea");
        assertThat(claims.path("azp").asText()).isEqualTo("casebook-cli");
    }

    @Test
    void leadAndGlobalUsersGetTheirRolesAndRegions() throws Exception {
        JsonNode lead = payload(keycloak.passwordToken("lee.us", "lee.us"));
        assertThat(strings(lead.path("roles"))).contains("lead", "analyst");
        assertThat(strings(lead.path("regions"))).containsExactly("US");

        JsonNode legal = payload(keycloak.passwordToken("lex", "lex"));
        assertThat(strings(legal.path("roles"))).contains("legal");
        assertThat(strings(legal.path("regions"))).containsExactly("*");
    }

    @Test
    void detectorTokenCarriesTheDetectionRoleAndItsRegion() throws Exception {
        JsonNode claims = payload(keycloak.clientToken("detector-sea", "detector-sea-secret"));

        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuerUri());
        assertThat(strings(claims.path("aud"))).contains("casebook-api");
        assertThat(strings(claims.path("roles"))).contains("detection");
        assertThat(strings(claims.path("regions"))).containsExactly("SEA");
        assertThat(claims.path("azp").asText()).isEqualTo("detector-sea");
        assertThat(claims.path("client_id").asText()).isEqualTo("detector-sea");
    }

    @Test
    void wrongPasswordAndWrongSecretAreRefused() {
        assertThatThrownBy(() -> keycloak.passwordToken("ana.sea", "not-her-password"))
                .hasMessageContaining("HTTP 401").hasMessageContaining("invalid_grant");
        assertThatThrownBy(() -> keycloak.clientToken("detector-us", "detector-sea-secret"))
                .hasMessageContaining("HTTP 401");
    }

    private static JsonNode payload(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
