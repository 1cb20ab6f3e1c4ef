package casebook.cases.infrastructure.console;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the console signs people in: the Keycloak server and realm of the tokens this service accepts (its issuer,
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) and the console's public client
 * ({@code casebook.console.client-id}). The console reads it at start from {@code /console/config.json}, so one
 * build runs against any Keycloak; the Content-Security-Policy lets the browser talk to that Keycloak origin only.
 */
@Component
public class ConsoleSignIn {
    private static final Pattern ISSUER = Pattern.compile("^(https?://[^/?#]+(?:/[^?#]*?)?)/realms/([^/?#]+)/?$");

    private final String keycloakUrl;
    private final String realm;
    private final String clientId;
    private final String keycloakOrigin;

    public ConsoleSignIn(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri,
                         @Value("${casebook.console.client-id:casebook-console}") String clientId) {
        Matcher issuer = ISSUER.matcher(issuerUri);
        if (!issuer.matches()) {
            throw new IllegalArgumentException("the token issuer " + issuerUri
                    + " is not a Keycloak realm URL (<keycloak>/realms/<realm>): the console cannot sign in there");
        }
        if (!clientId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("casebook.console.client-id must be a Keycloak client id");
        }
        this.keycloakUrl = issuer.group(1);
        this.realm = issuer.group(2);
        this.clientId = clientId;
        URI url = URI.create(keycloakUrl);
        this.keycloakOrigin = url.getScheme() + "://" + url.getRawAuthority();
    }

    /** The body of {@code /console/config.json}: what keycloak-js needs. */
    public record Config(String keycloakUrl, String realm, String clientId) {
    }

    public Config config() {
        return new Config(keycloakUrl, realm, clientId);
    }

    /** {@code scheme://host[:port]} of Keycloak, for the Content-Security-Policy. */
    public String keycloakOrigin() {
        return keycloakOrigin;
    }

    /**
     * The Content-Security-Policy of every response: scripts, styles and API calls from this origin only (the
     * console has no inline script or style), token and logout calls to Keycloak, nothing may frame the console.
     */
    public String contentSecurityPolicy() {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + keycloakOrigin + "; frame-src " + keycloakOrigin + "; "
                + "frame-ancestors 'none'; form-action 'self' " + keycloakOrigin + "; base-uri 'self'; object-src 'none'";
    }
}
