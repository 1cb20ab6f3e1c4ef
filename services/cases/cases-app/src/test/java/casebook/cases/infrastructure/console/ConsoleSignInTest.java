package casebook.cases.infrastructure.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleSignInTest {

    @Test
    void theConsoleSignsInAtTheKeycloakAndRealmThatIssueTheTokensTheApiAccepts() {
        ConsoleSignIn signIn = new ConsoleSignIn("http://127.0.0.1:8180/realms/casebook", "casebook-console");

        assertThat(signIn.config()).isEqualTo(new ConsoleSignIn.Config("http://127.0.0.1:8180", "casebook",
                "casebook-console"));
        assertThat(signIn.keycloakOrigin()).isEqualTo("http://127.0.0.1:8180");
    }

    @Test
    void aKeycloakBehindAPathKeepsItsPathButTheOriginIsSchemeHostAndPortOnly() {
        ConsoleSignIn signIn = new ConsoleSignIn("https://sso.example.com/auth/realms/casebook/", "console-sea");

        assertThat(signIn.config().keycloakUrl()).isEqualTo("https://sso.example.com/auth");
        assertThat(signIn.config().realm()).isEqualTo("casebook");
        assertThat(signIn.keycloakOrigin()).isEqualTo("https://sso.example.com");
    }

    @Test
    void thePolicyAllowsScriptsOnlyFromTheServiceAndConnectionsOnlyToItAndKeycloak() {
        String csp = new ConsoleSignIn("http://127.0.0.1:41234/realms/casebook", "casebook-console")
                .contentSecurityPolicy();

        assertThat(csp).contains("default-src 'self'", "script-src 'self';", "style-src 'self';",
                "connect-src 'self' http://127.0.0.1:41234;", "frame-src http://127.0.0.1:41234;",
                "frame-ancestors 'none'", "object-src 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8180/", "http://127.0.0.1:8180/realms/", "ftp://host/realms/casebook",
            "http://127.0.0.1:8180/realms/casebook/protocol", "http://h/realms/casebook?x=1"})
    void anIssuerThatIsNotAKeycloakRealmStopsTheServiceAtStart(String issuer) {
        assertThatThrownBy(() -> new ConsoleSignIn(issuer, "casebook-console"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Keycloak realm URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "casebook console", "a\"b", "<script>"})
    void aClientIdThatCouldBreakTheConfigIsRefused(String clientId) {
        assertThatThrownBy(() -> new ConsoleSignIn("http://127.0.0.1:8180/realms/casebook", clientId))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
