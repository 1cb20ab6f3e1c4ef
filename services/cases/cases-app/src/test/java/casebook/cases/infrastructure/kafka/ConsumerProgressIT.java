package casebook.cases.infrastructure.kafka;

import casebook.cases.CasesAppTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import io.micrometer.core.instrument.MeterRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stall is visible: with the flag listener stopped (as when its threads are stuck), a partition with lag whose
 * committed offset does not move turns the {@code kafkaConsumers} health DOWN, naming the partition, after the stall
 * time (5 s in the tests), and the lag shows per topic; once the listener runs again, it is UP.
 */
@CasesAppTest
class ConsumerProgressIT {
    @Autowired
    ConsumerProgress progress;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    MeterRegistry metrics;

    @Test
    void aPartitionWithLagAndNoProgressTurnsTheHealthDown(@LocalServerPort int port) throws Exception {
        await().atMost(CasesAppTest.PATIENCE).until(() -> progress.health().getStatus().equals(Status.UP));
        MessageListenerContainer flags = listeners.getListenerContainer("flags");
        flags.stop();
        try {
            kafka.send(new ProducerRecord<>("casebook.flags.v1", "stall-" + UUID.randomUUID(),
                    "{not json".getBytes(StandardCharsets.UTF_8))).get();

            await().atMost(CasesAppTest.PATIENCE).until(() -> progress.health().getStatus().equals(Status.DOWN));
            @SuppressWarnings("unchecked")
            Map<String, Object> stalled = (Map<String, Object>) progress.health().getDetails().get("stalled");
            assertThat(stalled.keySet()).anyMatch(partition -> partition.startsWith("casebook.flags.v1-"));
            assertThat(metrics.get("casebook.kafka.consumer.lag").tag("topic", "casebook.flags.v1").gauge().value())
                    .isGreaterThanOrEqualTo(1);
            assertThat(metrics.get("casebook.kafka.consumer.stalled").gauge().value()).isGreaterThanOrEqualTo(1);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
        } finally {
            flags.start();
        }
        await().atMost(CasesAppTest.PATIENCE).until(() -> progress.health().getStatus().equals(Status.UP));
    }
}
