package casebook.cases.infrastructure.elasticsearch;

import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.boot.autoconfigure.elasticsearch.RestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the service's Elasticsearch client (Spring Boot's, from {@code spring.elasticsearch.*}) differs from the default. */
@Configuration(proxyBeanMethods = false)
class ElasticsearchClientSettings {

    @Bean
    RestClientBuilderCustomizer noAuthCacheWithoutCredentials(ElasticsearchConnectionDetails connection) {
        return new NoAuthCacheWithoutCredentials(hasCredentials(connection));
    }

    static boolean hasCredentials(ElasticsearchConnectionDetails connection) {
        return connection.getUsername() != null
               || connection.getNodes().stream().anyMatch(node -> node.username() != null);
    }

    /**
     * Elasticsearch's low-level client puts a Basic scheme for every node in Apache HttpClient's auth cache, so that
     * credentials go with the first request; the HttpClient then copies that scheme out of the cache with Java
     * serialization on every request, even when there are no credentials to send: 3% of a case search's CPU
     * (docs/benchmarks.md). Without a user name the cache is switched off; with one it stays, for that first request.
     */
    record NoAuthCacheWithoutCredentials(boolean credentials) implements RestClientBuilderCustomizer {
        @Override
        public void customize(RestClientBuilder builder) {
        }

        @Override
        public void customize(HttpAsyncClientBuilder builder) {
            if (!credentials) {
                builder.disableAuthCaching();
            }
        }
    }
}
