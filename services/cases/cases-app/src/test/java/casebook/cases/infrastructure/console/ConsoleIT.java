package casebook.cases.infrastructure.console;

import casebook.cases.CasesAppTest;
import casebook.devstack.DevStack;
import casebook.devstack.KeycloakServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service serves the console (services/console) under /console/ without a token: the app for every route of it,
 * its built files, and where to sign in; the API behind it still needs a token.
 */
@CasesAppTest
class ConsoleIT {
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient(); // follows no redirect
    final ObjectMapper json = new ObjectMapper();

    @Test
    void theConsoleAndItsDeepLinksOpenWithoutATokenUnderASecurityPolicy() throws Exception {
        HttpResponse<String> index = get("/console/");
        HttpResponse<String> deepLink = get("/console/cases/5b2f5b0e-3f1c-4f64-9a4e-2f1f6a1d7c11");

        String keycloak = DevStack.shared().keycloak().baseUrl();
        for (HttpResponse<String> page : new HttpResponse[] {index, deepLink}) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("<div id=\"root\"></div>", "/console/assets/");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("script-src 'self';", "connect-src 'self' " + origin(keycloak) + ";",
                            "frame-ancestors 'none'"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        }
        assertThat(deepLink.body()).isEqualTo(index.body());

        Matcher script = Pattern.compile("src=\"(/console/assets/[^\"]+\\.js)\"").matcher(index.body());
        assertThat(script.find()).as("index.html names its script").isTrue();
        HttpResponse<String> asset = get(script.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("javascript"));
        assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("max-age=31536000", "immutable"));

        assertThat(get("/console/assets/index-gone.js").statusCode()).isEqualTo(404);
        HttpResponse<String> bare = get("/console");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/console/"));
    }

    @Test
    void theConsoleLearnsWhereToSignInAndTheApiStillWantsAToken() throws Exception {
        HttpResponse<String> config = get("/console/config.json");

        assertThat(config.statusCode()).isEqualTo(200);
        JsonNode signIn = json.readTree(config.body());
        assertThat(signIn.path("keycloakUrl").asText()).isEqualTo(DevStack.shared().keycloak().baseUrl());
        assertThat(signIn.path("realm").asText()).isEqualTo("casebook");
        assertThat(signIn.path("clientId").asText()).isEqualTo("casebook-console");
        assertThat(config.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> queue = get("/api/v1/queue");
        assertThat(queue.statusCode()).isEqualTo(401);
        assertThat(json.readTree(queue.body()).path("code").asText()).isEqualTo("unauthenticated");
        assertThat(get("/console/../api/v1/queue").statusCode()).isIn(400, 401);
    }

    /**
     * The realm's console client, as a browser meets it: the console at this service's (random) port may start a
     * sign-in with PKCE, not without it, and Keycloak's token endpoint answers its page's origin (CORS), no other.
     */
    @Test
    void theConsoleOfThisServiceSignsInWithPkceAtKeycloak() throws Exception {
        KeycloakServer keycloak = DevStack.shared().keycloak();
        String origin = "http://127.0.0.1:" + port;
        keycloak.allowConsoleAt(origin);
        keycloak.allowConsoleAt(origin); // twice changes nothing more
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        String authorize = keycloak.issuerUri() + "/protocol/openid-connect/auth?client_id=casebook-console"
                + "&response_type=code&scope=openid&state=s1&redirect_uri="
                + URLEncoder.encode(origin + "/console/cases/5b2f5b0e-3f1c-4f64-9a4e-2f1f6a1d7c11", StandardCharsets.UTF_8);

        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(authorize
                + "&code_challenge_method=S256&code_challenge=" + challenge)).GET());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("kc-form-login");

        HttpResponse<String> withoutPkce = send(HttpRequest.newBuilder(URI.create(authorize)).GET());
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(origin + "/console/").contains("error=invalid_request"));

        HttpResponse<String> elsewhere = send(HttpRequest.newBuilder(URI.create(authorize.replace(
                URLEncoder.encode(origin, StandardCharsets.UTF_8), URLEncoder.encode("http://casebook.example",
                        StandardCharsets.UTF_8)) + "&code_challenge_method=S256&code_challenge=" + challenge)).GET());
        assertThat(elsewhere.statusCode()).isEqualTo(400);

        for (String from : new String[] {origin, "http://casebook.example"}) {
            HttpResponse<String> exchange = send(HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
                    .header("Origin", from)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=casebook-console"
                            + "&code=not-a-code&code_verifier=" + "v".repeat(43) + "&redirect_uri="
                            + URLEncoder.encode(origin + "/console/", StandardCharsets.UTF_8))));
            assertThat(exchange.statusCode()).isEqualTo(400);
            if (from.equals(origin)) {
                assertThat(exchange.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
            } else {
                assertThat(exchange.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
