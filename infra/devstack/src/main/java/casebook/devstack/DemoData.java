package casebook.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo data for the platform command, through the public API only: the flags of {@code infra/demo/flags.json}
 * raised by the detector of each flag's region, then a few cases assigned and a note written by the analysts.
 */
final class DemoData {

    static final String FLAGS_RESOURCE = "casebook/devstack/demo/flags.json";
    /** Detection clients of the realm, by region; the secret is the client id + "-secret". */
    static final Map<String, String> DETECTORS = Map.of("SEA", "detector-sea", "US", "detector-us");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CASE_VISIBLE_TIMEOUT = Duration.ofSeconds(15);

    private final String api;
    private final KeycloakServer keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> problems = new ArrayList<>();

    DemoData(String apiBaseUrl, KeycloakServer keycloak) {
        this.api = apiBaseUrl;
        this.keycloak = keycloak;
    }

    /** Loads everything; returns what went wrong (nothing when the list is empty). */
    List<String> load() {
        Map<String, Set<String>> casesByRegion = raiseFlags();
        List<String> seaCases = new ArrayList<>(casesByRegion.getOrDefault("SEA", Set.of()));
        List<String> usCases = new ArrayList<>(casesByRegion.getOrDefault("US", Set.of()));
        String anaSea = keycloak.passwordToken("ana.sea", "ana.sea");
        String anaUs = keycloak.passwordToken("ana.us", "ana.us");
        seaCases.stream().limit(3).forEach(caseId -> assign(caseId, "ana.sea", anaSea));
        usCases.stream().limit(2).forEach(caseId -> assign(caseId, "ana.us", anaUs));
        if (!seaCases.isEmpty()) {
            note(seaCases.get(0), anaSea, "shop-118822, shop-118907 and shop-120455 share device dev-a1f3, IP "
                    + "203.0.113.7 and card pf-99c1, and creator-55 promotes all three: looks like one brushing "
                    + "ring. Checking order timelines before proposing a suspension.");
        }
        log.info("Demo data: {} cases in SEA, {} in US; 3 SEA cases assigned to ana.sea, 2 US cases to ana.us",
                seaCases.size(), usCases.size());
        return problems;
    }

    private Map<String, Set<String>> raiseFlags() {
        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, Set<String>> casesByRegion = new LinkedHashMap<>();
        int raised = 0;
        JsonNode flags = readFlags();
        for (JsonNode flag : flags) {
            String region = flag.path("region").asText();
            String detector = DETECTORS.get(region);
            if (detector == null) {
                problems.add("flag " + flag.path("flagId").asText() + ": no detector client for region " + region);
                continue;
            }
            String token = tokens.computeIfAbsent(region, r -> keycloak.clientToken(detector, detector + "-secret"));
            HttpResponse<String> response = send("POST", "/api/v1/flags", token, flag);
            if (response.statusCode() == 202 || response.statusCode() == 200) {
                casesByRegion.computeIfAbsent(region, r -> new LinkedHashSet<>())
                        .add(json(response.body()).path("caseId").asText());
                raised++;
            } else {
                problems.add("flag " + flag.path("flagId").asText() + " refused: HTTP " + response.statusCode()
                        + " " + response.body());
            }
        }
        log.info("Demo data: {} of {} flags raised", raised, flags.size());
        return casesByRegion;
    }

    private void assign(String caseId, String assignee, String token) {
        ObjectNode body = JSON.createObjectNode().put("assignee", assignee);
        HttpResponse<String> response = sendOnceVisible("PUT", "/api/v1/cases/" + caseId + "/assignee", token, body);
        if (response.statusCode() / 100 != 2) {
            problems.add("assigning case " + caseId + " to " + assignee + " refused: HTTP " + response.statusCode()
                    + " " + response.body());
        }
    }

    private void note(String caseId, String token, String text) {
        ObjectNode body = JSON.createObjectNode().put("text", text);
        HttpResponse<String> response = sendOnceVisible("POST", "/api/v1/cases/" + caseId + "/notes", token, body);
        if (response.statusCode() / 100 != 2) {
            problems.add("note on case " + caseId + " refused: HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** A case may answer 404 for a moment after its flag was accepted (202): retry 404s for a few seconds. */
    private HttpResponse<String> sendOnceVisible(String method, String path, String token, JsonNode body) {
        long deadline = System.nanoTime() + CASE_VISIBLE_TIMEOUT.toNanos();
        HttpResponse<String> response = send(method, path, token, body);
        while (response.statusCode() == 404 && System.nanoTime() < deadline) {
            pause();
            response = send(method, path, token, body);
        }
        return response;
    }

    private HttpResponse<String> send(String method, String path, String token, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + api + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    private static JsonNode readFlags() {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(FLAGS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(FLAGS_RESOURCE + " is not on the class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FLAGS_RESOURCE, e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a case", e);
        }
    }
}
