package casebook.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak 26 in dev mode with the {@code casebook} realm imported from {@code infra/keycloak/casebook-realm.json}
 * (on the class path as {@code casebook/devstack/casebook-realm.json}). The run folder holds its own {@code bin/}
 * and {@code data/} and links {@code conf/}, {@code lib/}, {@code providers/} and {@code themes/} to the unpacked
 * distribution. Its H2 database ({@code data/h2}) is kept between starts: the realm is imported at the first start
 * only (Keycloak skips a realm that exists), so users, passwords and sessions changed since stay; a realm file
 * changed since that import is not applied, and a warning says so. Admin console user: admin / admin.
 */
public final class KeycloakServer extends LocalServer {

    static final String ADMIN = "admin";
    static final String CLI_CLIENT = "casebook-cli";
    static final String CONSOLE_CLIENT = "casebook-console";

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);
    private static final String REALM = "casebook";
    private static final String REALM_RESOURCE = "casebook/devstack/casebook-realm.json";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Written into the unpacked distribution once a dev-mode start has built (augmented) it; holds the stamp
     * of the build's output, so that a distribution unpacked again is built again.
     */
    private static final String DEV_BUILD_MARKER = "lib/quarkus/casebook-dev-build.stamp";
    private static final String BUILD_OUTPUT = "lib/quarkus/quarkus-application.dat";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param port      0 for a free port chosen at start
     * @param dataDir   kept from one start to the next (initialised when empty)
     * @param throwAway delete {@code dataDir} at {@link #close()}
     */
    KeycloakServer(int port, Path dataDir, boolean throwAway) {
        super("Keycloak", port, dataDir, throwAway);
    }

    @Override
    protected void launch() {
        Path home = Installation.keycloakHome();
        choosePort();
        Path dist = prepareRunFolder(home);
        if (builtForDevMode(home)) {
            run(dist);
        } else {
            runBuildingDistribution(home, dist);
        }
    }

    @Override
    protected String readyOn() {
        return baseUrl() + " (realm " + REALM + ")";
    }

    public synchronized String baseUrl() {
        return "http://127.0.0.1:" + runningPort();
    }

    public String realm() {
        return REALM;
    }

    /** The {@code iss} of every token; {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. */
    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    /** An access token for a demo user, by direct grant through the public client {@value #CLI_CLIENT}. */
    public String passwordToken(String username, String password) {
        return passwordToken(CLI_CLIENT, username, password);
    }

    /** An access token for a user through any public client of the realm with direct grants (e.g. Keycloak's own
     * {@code admin-cli}, whose tokens are not meant for the Casebook API). */
    public String passwordToken(String clientId, String username, String password) {
        return token("user " + username + " via " + clientId, Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password));
    }

    /** An access token for a system, by client credentials (e.g. detector-sea / detector-sea-secret). */
    public String clientToken(String clientId, String clientSecret) {
        return token("client " + clientId, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret));
    }

    private String token(String who, Map<String, String> form) {
        return token(who, tokenUrl(), form);
    }

    /**
     * Lets the console of a Casebook service at {@code serviceUrl} sign in (services/console, docs/adr/0024): adds
     * {@code <origin>/console/*} to the redirect URIs of the client {@value #CONSOLE_CLIENT} and the origin to its web
     * origins (keycloak-js calls the token endpoint from the page), through the admin API. The realm file covers port
     * 8080 and loopback redirects on any port, but web origins match exactly, so a service on another port (a test's
     * random one, {@code CASEBOOK_API_PORT}) needs this. Does nothing when both are there already.
     *
     * @throws IllegalStateException when the realm has no console client (imported before it existed: start with
     *                               fresh data)
     */
    public void allowConsoleAt(String serviceUrl) {
        URI service = URI.create(serviceUrl);
        String origin = service.getScheme() + "://" + service.getRawAuthority();
        String admin = token("Keycloak's admin", baseUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN));
        String clients = baseUrl() + "/admin/realms/" + REALM + "/clients";
        JsonNode found;
        try {
            found = JSON.readTree(admin(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + CONSOLE_CLIENT))
                    .GET(), admin, "find client " + CONSOLE_CLIENT));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Keycloak's admin API answered no JSON for client " + CONSOLE_CLIENT, e);
        }
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("realm " + REALM + " has no client " + CONSOLE_CLIENT + " (imported before"
                    + " the console existed): start with fresh data (infra/platform --fresh) to sign in to the console");
        }
        ObjectNode client = (ObjectNode) found.get(0);
        boolean added = addIfMissing(client, "redirectUris", origin + "/console/*")
                | addIfMissing(client, "webOrigins", origin);
        if (added) {
            admin(HttpRequest.newBuilder(URI.create(clients + "/" + client.path("id").asText()))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(client.toString())), admin, "update " + CONSOLE_CLIENT);
            log.info("Keycloak: the console at {} may sign in (client {})", origin + "/console/", CONSOLE_CLIENT);
        }
    }

    private static boolean addIfMissing(ObjectNode client, String field, String value) {
        ArrayNode values = client.withArrayProperty(field);
        for (JsonNode present : values) {
            if (present.asText().equals(value)) {
                return false;
            }
        }
        values.add(value);
        return true;
    }

    private String admin(HttpRequest.Builder request, String token, String what) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak's admin API refused to " + what + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak's admin API: " + what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Keycloak's admin API to " + what, e);
        }
    }

    private String token(String who, String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token to " + who + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode token = JSON.readTree(response.body()).path("access_token");
            if (!token.isTextual()) {
                throw new IllegalStateException("Keycloak answered no access_token to " + who + ": " + response.body());
            }
            return token.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("token request for " + who + " to " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while requesting a token for " + who, e);
        }
    }

    private Path prepareRunFolder(Path home) {
        Path dist = Folders.created(dataDir.resolve("keycloak"));
        Folders.copy(home.resolve("bin"), dist.resolve("bin"));
        try {
            for (String shared : List.of("conf", "lib", "providers", "themes")) {
                Files.deleteIfExists(dist.resolve(shared));
                Files.createSymbolicLink(dist.resolve(shared), home.resolve(shared));
            }
            Path imports = Files.createDirectories(dist.resolve("data/import"));
            byte[] realm;
            try (InputStream in = KeycloakServer.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(REALM_RESOURCE + " is not on the class path");
                }
                realm = in.readAllBytes();
            }
            Path imported = imports.resolve("casebook-realm.json");
            if (Files.isDirectory(dist.resolve("data/h2")) && Files.isRegularFile(imported)
                    && !Arrays.equals(Files.readAllBytes(imported), realm)) {
                log.warn("Keycloak: the realm file changed since realm {} was imported into {}; Keycloak keeps the "
                        + "imported realm. To import the new file, start with fresh data (infra/platform --fresh) "
                        + "or delete {} (users and passwords changed since are lost), or apply the change in the "
                        + "admin console", REALM, dist.resolve("data/h2"), dist.resolve("data/h2"));
            }
            Files.write(imported, realm);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Keycloak run folder " + dist, e);
        }
        return dist;
    }

    /**
     * The first dev-mode start of an unpacked distribution rebuilds it (Quarkus augmentation, ~15 s) inside
     * {@code lib/quarkus}, which every run folder links to: one start at a time does it, across JVMs too.
     */
    private void runBuildingDistribution(Path home, Path dist) {
        synchronized (KeycloakServer.class) {
            try (FileChannel channel = FileChannel.open(home.resolveSibling(home.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                boolean built = builtForDevMode(home);
                if (!built) {
                    log.info("Keycloak: first start of {}; it builds itself for dev mode first", home);
                }
                run(dist);
                if (!built) {
                    Files.writeString(home.resolve(DEV_BUILD_MARKER), buildStamp(home));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + home + " for Keycloak's first build", e);
            }
        }
    }

    private static boolean builtForDevMode(Path home) {
        Path marker = home.resolve(DEV_BUILD_MARKER);
        try {
            return Files.exists(marker) && Files.readString(marker).equals(buildStamp(home));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + marker, e);
        }
    }

    private static String buildStamp(Path home) throws IOException {
        Path output = home.resolve(BUILD_OUTPUT);
        return Files.size(output) + " " + Files.getLastModifiedTime(output).toMillis();
    }

    private void run(Path dist) {
        int managementPort = Ports.free();
        List<String> command = List.of(dist.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + chosenPort(), "--http-management-port=" + managementPort,
                "--import-realm", "--log-console-color=false");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN);
        // C1 only: starts in about half the time on two busy cores; Keycloak only issues tokens here
        environment.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        ServerProcess process = startProcess(command, environment, dataDir, dataDir.resolve("keycloak.log"), false);
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuerUri() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        process.awaitReady(START_TIMEOUT,
                () -> http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
}
