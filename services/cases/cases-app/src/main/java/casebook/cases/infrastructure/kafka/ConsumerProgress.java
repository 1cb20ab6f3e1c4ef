package casebook.cases.infrastructure.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Whether the service's consumer group makes progress on every partition it consumes (health {@code kafkaConsumers},
 * docs/adr/0012). Every {@code casebook.kafka.progress.check-every} it reads, as the broker sees them, the group's
 * committed offsets and the partitions' end offsets: a partition whose committed offset has not moved for
 * {@code stall-after} while it has lag is STALLED, and the indicator is DOWN, naming it (an ERROR log too).
 * <p>
 * Kafka's client metrics ({@code kafka.consumer.fetch.manager.records.lag}, per consumer and partition) come from the
 * consumer itself and stop changing when its thread is stuck or gone; the broker's view does not. So
 * {@code casebook.kafka.consumer.lag} (by group and topic: end offset minus committed offset, summed over partitions)
 * and {@code casebook.kafka.consumer.stalled} (stalled partitions) are measured here.
 */
@Component("kafkaConsumers")
public class ConsumerProgress implements HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(ConsumerProgress.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final KafkaAdmin kafkaAdmin;
    private final String group;
    private final List<String> topics;
    private final ConsumerProgressProperties properties;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Map<TopicPartition, Progress> partitions = new ConcurrentHashMap<>();
    private final Map<String, Long> lagByTopic = new ConcurrentHashMap<>();
    private volatile String failure = "not checked yet";
    private volatile Instant checkedAt;
    private ScheduledExecutorService checks;
    private Admin admin;

    ConsumerProgress(KafkaAdmin kafkaAdmin, @Value("${spring.kafka.consumer.group-id}") String group,
                     List<DeadLetters.Route> consumed, ConsumerProgressProperties properties, MeterRegistry metrics) {
        this.kafkaAdmin = kafkaAdmin;
        this.group = group;
        this.topics = consumed.stream().map(DeadLetters.Route::topic).distinct().toList();
        this.properties = properties;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    /** What is known of one partition: the committed offset, the end offset, and when the offset last moved. */
    record Progress(long committed, long end, Instant progressAt) {
        long lag() {
            return Math.max(0, end - committed);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        topics.forEach(topic -> Gauge.builder("casebook.kafka.consumer.lag", () -> lagByTopic.getOrDefault(topic, 0L))
                .tag("group", group).tag("topic", topic)
                .description("records of the topic the group has not committed yet, as the broker sees it")
                .register(metrics));
        Gauge.builder("casebook.kafka.consumer.stalled", () -> stalled().size()).tag("group", group)
                .description("partitions with lag whose committed offset has not moved for the stall time")
                .register(metrics);
        admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-consumer-progress");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.checkEvery().toMillis();
        checks.scheduleWithFixedDelay(this::check, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (checks != null) checks.shutdownNow();
        if (admin != null) admin.close(Duration.ofSeconds(5));
    }

    /** Reads the group's committed offsets and the end offsets once, and remembers when each partition moved. */
    void check() {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<TopicPartition> all = new ArrayList<>();
            described.values().forEach(topic -> topic.partitions().forEach(p ->
                    all.add(new TopicPartition(topic.name(), p.partition()))));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    all.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(
                    all.stream().filter(tp -> committed.get(tp) == null)
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest())))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Instant now = clock.instant();
            Map<String, Long> lags = new HashMap<>();
            for (TopicPartition partition : all) {
                OffsetAndMetadata offset = committed.get(partition);
                long at = offset != null ? offset.offset() : starts.get(partition).offset();
                long end = ends.get(partition).offset();
                Progress progress = partitions.compute(partition, (tp, before) ->
                        before == null || before.committed() != at || at >= end
                                ? new Progress(at, end, now) : new Progress(at, end, before.progressAt()));
                lags.merge(partition.topic(), progress.lag(), Long::sum);
            }
            lagByTopic.putAll(lags);
            List<TopicPartition> stalled = stalled();
            if (!stalled.isEmpty()) {
                log.error("Kafka intake stalled: group {} has made no progress for {} on {}", group,
                        properties.stallAfter(), stalled.stream().map(tp -> tp + " (lag " + partitions.get(tp).lag()
                                + ", committed offset " + partitions.get(tp).committed() + ")").toList());
            }
            checkedAt = now;
            failure = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = Failures.describe(e);
            log.warn("could not read the progress of consumer group {}: {}", group, failure);
        }
    }

    List<TopicPartition> stalled() {
        Instant now = clock.instant();
        return partitions.entrySet().stream()
                .filter(e -> e.getValue().lag() > 0
                        && Duration.between(e.getValue().progressAt(), now).compareTo(properties.stallAfter()) > 0)
                .map(Map.Entry::getKey)
                .sorted(java.util.Comparator.comparing(TopicPartition::toString))
                .toList();
    }

    @Override
    public Health health() {
        Map<String, Object> lag = new LinkedHashMap<>(new java.util.TreeMap<>(lagByTopic));
        List<TopicPartition> stalled = stalled();
        Health.Builder health = stalled.isEmpty() ? Health.up() : Health.down();
        health.withDetail("group", group).withDetail("lag", lag).withDetail("stallAfter", properties.stallAfter().toString());
        if (!stalled.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            stalled.forEach(tp -> details.put(tp.toString(), Map.of("lag", partitions.get(tp).lag(),
                    "committedOffset", partitions.get(tp).committed(),
                    "noProgressSince", partitions.get(tp).progressAt().toString())));
            health.withDetail("stalled", details);
        }
        if (failure != null) {
            health.withDetail("unknown", failure);
        }
        if (checkedAt != null) {
            health.withDetail("checkedAt", checkedAt.toString());
        }
        return health.build();
    }
}
