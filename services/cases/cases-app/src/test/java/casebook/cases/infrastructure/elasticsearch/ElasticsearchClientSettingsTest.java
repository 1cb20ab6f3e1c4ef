package casebook.cases.infrastructure.elasticsearch;

import casebook.cases.infrastructure.elasticsearch.ElasticsearchClientSettings.NoAuthCacheWithoutCredentials;
import com.sun.net.httpserver.HttpServer;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails.Node;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails.Node.Protocol;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client sends its credentials with the first request when it has any, and keeps no auth cache when it has none.
 * Against a plain HTTP server that answers every request and records its Authorization header (a real Elasticsearch
 * with security would refuse requests without credentials, which is what this is about).
 */
class ElasticsearchClientSettingsTest {
    private final List<String> authorizations = new ArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (authorizations) {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            byte[] body = "{}".getBytes(UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void withAUserNameTheFirstRequestAlreadyCarriesTheCredentials() throws Exception {
        ElasticsearchConnectionDetails connection = connection("casebook");
        assertThat(ElasticsearchClientSettings.hasCredentials(connection)).isTrue();

        send(new NoAuthCacheWithoutCredentials(ElasticsearchClientSettings.hasCredentials(connection)), 2);

        String basic = "Basic " + Base64.getEncoder().encodeToString("casebook:secret".getBytes(UTF_8));
        assertThat(authorizations).containsExactly(basic, basic);
    }

    @Test
    void withoutAUserNameNoSchemeIsCachedSoNothingIsSentAhead() throws Exception {
        ElasticsearchConnectionDetails connection = connection(null);
        assertThat(ElasticsearchClientSettings.hasCredentials(connection)).isFalse();

        // credentials the configuration does not know of: with the cache off they are not sent unasked
        send(new NoAuthCacheWithoutCredentials(ElasticsearchClientSettings.hasCredentials(connection)), 2);

        assertThat(authorizations).containsExactly("null", "null");
    }

    @Test
    void aUserNameInANodesAddressCountsAsCredentials() {
        ElasticsearchConnectionDetails connection = () -> List.of(
                new Node("127.0.0.1", server.getAddress().getPort(), Protocol.HTTP, "casebook", "secret"));

        assertThat(ElasticsearchClientSettings.hasCredentials(connection)).isTrue();
    }

    private ElasticsearchConnectionDetails connection(String username) {
        return new ElasticsearchConnectionDetails() {
            @Override
            public List<Node> getNodes() {
                return List.of(new Node("127.0.0.1", server.getAddress().getPort(), Protocol.HTTP));
            }

            @Override
            public String getUsername() {
                return username;
            }
        };
    }

    /** {@code requests} requests through a client set up like Spring Boot's: a credentials provider, then ours. */
    private void send(NoAuthCacheWithoutCredentials settings, int requests) throws Exception {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials("casebook", "secret"));
        try (RestClient client = RestClient.builder(new HttpHost("127.0.0.1", server.getAddress().getPort(), "http"))
                .setHttpClientConfigCallback(builder -> {
                    builder.setDefaultCredentialsProvider(credentials);
                    settings.customize(builder);
                    return builder;
                }).build()) {
            for (int i = 0; i < requests; i++) {
                client.performRequest(new Request("GET", "/"));
            }
        }
    }
}
