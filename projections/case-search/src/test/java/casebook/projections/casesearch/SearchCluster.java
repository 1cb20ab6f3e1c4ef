package casebook.projections.casesearch;

import casebook.devstack.DevStack;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The real Elasticsearch of the dev stack, started once per test run, and the per-class isolation of the tests:
 * each test class works behind its own alias and deletes the indices it made.
 */
final class SearchCluster {

    /** How long a test waits for the projection (or a rebuild) to catch up: a slow machine makes it slower, never red. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static ElasticsearchClient client;

    private SearchCluster() {
    }

    static synchronized ElasticsearchClient client() {
        if (client == null) {
            RestClient rest = RestClient.builder(HttpHost.create(httpUrl())).build();
            client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        }
        return client;
    }

    static String httpUrl() {
        return DevStack.shared().elasticsearch().httpUrl();
    }

    /** A fresh alias name, and so a fresh family of concrete indices, for one test class. */
    static CaseIndex newIndex() {
        return new CaseIndex(client(), "cases-it-" + UUID.randomUUID().toString().substring(0, 8), Clock.systemUTC());
    }

    static void refresh(CaseIndex index) {
        try {
            client().indices().refresh(r -> r.index(index.alias()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String index) {
        try {
            return client().indices().exists(e -> e.index(index)).value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every concrete index of the alias by name (wildcard deletes are refused). */
    static void deleteAll(CaseIndex index) {
        try {
            for (String name : client().indices().get(g -> g.index(index.alias() + "-*")).result().keySet()) {
                index.delete(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
