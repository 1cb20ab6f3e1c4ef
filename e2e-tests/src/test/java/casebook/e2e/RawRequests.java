package casebook.e2e;

import casebook.client.ApiClient;
import casebook.client.model.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests the generated client cannot send, such as a flag with a field the contract does not have; made with the
 * generated client's own HTTP client, base URI and token interceptor.
 */
public final class RawRequests {
    private final ApiClient client;
    private final ObjectMapper json;

    RawRequests(ApiClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    public Answer post(String path, String body) {
        return send("POST", path, body);
    }

    /** Any method; a body (JSON) or none. */
    public Answer send(String method, String path, String body) {
        return send(method, path, body, java.util.Map.of());
    }

    /** Any method, a body (JSON) or none, and extra headers such as {@code If-Match}. */
    public Answer send(String method, String path, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (client.getRequestInterceptor() != null) client.getRequestInterceptor().accept(request);
        try {
            HttpResponse<String> response = client.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Answer(int status, String body, ObjectMapper json) {
        public Problem problem() {
            try {
                return json.readValue(body, Problem.class);
            } catch (IOException e) {
                throw new AssertionError("not a problem document: " + body, e);
            }
        }
    }
}
