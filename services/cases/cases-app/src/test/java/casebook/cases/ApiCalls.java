package casebook.cases;

import casebook.devstack.DevStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Calls to the running service's REST API as a demo realm user (password = user name) or a service account, with real Keycloak tokens. */
public final class ApiCalls {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public ApiCalls(int port) {
        this.port = port;
    }

    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        public String eTag() {
            return raw.headers().firstValue("ETag").orElse(null);
        }

        /** The problem's {@code code}, when the answer is a problem. */
        public String code() {
            return body.path("code").asText();
        }
    }

    /** A demo realm user's access token (password = user name). */
    public static String userToken(String user) {
        return DevStack.shared().keycloak().passwordToken(user, user);
    }

    /** A service account's access token (client secret = client id + {@code -secret}, as in the realm file). */
    public static String clientToken(String clientId) {
        return DevStack.shared().keycloak().clientToken(clientId, clientId + "-secret");
    }

    public Answer send(String user, String method, String path, JsonNode body, Map<String, String> headers) throws Exception {
        return sendWithToken(userToken(user), method, path, body, headers);
    }

    public Answer sendWithToken(String token, String method, String path, JsonNode body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) request.header("Content-Type", "application/json");
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body() == null || response.body().isBlank() ? json.createObjectNode()
                : json.readTree(response.body());
        return new Answer(response.statusCode(), parsed, response);
    }
}
