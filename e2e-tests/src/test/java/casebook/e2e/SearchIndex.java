package casebook.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The case-search index, over Elasticsearch's plain HTTP API, for the one thing an operator (and a test) does to
 * it directly: lose it. Wildcard deletes are refused, so the concrete index is resolved through the alias.
 */
public final class SearchIndex {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String alias;
    private final ObjectMapper json;

    SearchIndex(String baseUrl, String alias, ObjectMapper json) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.alias = alias;
        this.json = json;
    }

    /** The concrete indices behind the alias now (none when there is no alias). */
    public List<String> indicesBehindAlias() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/_alias/" + encode(alias))).GET());
        if (response.statusCode() == 404) return List.of();
        expectOk(response, "resolve alias " + alias);
        try {
            List<String> indices = new ArrayList<>();
            json.readTree(response.body()).fieldNames().forEachRemaining(indices::add);
            return indices;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the concrete index (indices) behind the alias, which takes the alias with them. Returns their names. */
    public List<String> wipe() {
        List<String> indices = indicesBehindAlias();
        if (indices.isEmpty()) throw new IllegalStateException("no index behind alias " + alias);
        for (String index : indices) {
            expectOk(send(HttpRequest.newBuilder(uri("/" + encode(index))).DELETE()), "delete index " + index);
        }
        return indices;
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expectOk(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Elasticsearch refused to " + what + ": " + response.statusCode() + " " + response.body());
        }
    }
}
