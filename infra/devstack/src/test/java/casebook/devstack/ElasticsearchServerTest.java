package casebook.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ElasticsearchServerTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static ElasticsearchServer elasticsearch;

    @BeforeAll
    static void startStack() {
        elasticsearch = DevStack.shared().startAll().elasticsearch();
    }

    @Test
    void indexesAndFindsADocument() throws Exception {
        HttpResponse<String> indexed = http.send(HttpRequest.newBuilder(
                        URI.create(elasticsearch.httpUrl() + "/devstack-test-cases/_doc/case-1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"subjectId\":\"shop-118822\",\"notes\":\"same device as the brushing ring\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);

        HttpResponse<String> found = http.send(HttpRequest.newBuilder(
                        URI.create(elasticsearch.httpUrl() + "/devstack-test-cases/_search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"match\":{\"notes\":\"brushing ring\"}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode hits = new ObjectMapper().readTree(found.body()).path("hits").path("hits");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).path("_id").asText()).isEqualTo("case-1");
    }

    @Test
    void startsAgainOnTheSamePortWithItsIndices() throws Exception {
        HttpResponse<String> indexed = http.send(HttpRequest.newBuilder(
                        URI.create(elasticsearch.httpUrl() + "/devstack-test-restart/_doc/case-2?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"subjectId\":\"shop-120455\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);
        String url = elasticsearch.httpUrl();

        elasticsearch.stop();
        assertThat(elasticsearch.isRunning()).isFalse();
        elasticsearch.start();

        assertThat(elasticsearch.httpUrl()).isEqualTo(url);
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(
                URI.create(url + "/devstack-test-restart/_doc/case-2")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains("shop-120455");
    }
}
