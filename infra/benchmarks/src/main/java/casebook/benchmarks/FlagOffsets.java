package casebook.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the service's flag consumers stand on {@code casebook.flags.v1}. The service commits a poll's offsets only
 * after the poll's events are committed (invariant 11), so once its group's committed offsets reach the ends the
 * topic had after a send, every flag of that send is durable. Asking Kafka costs the event store nothing: counting
 * the flag claims instead, a scan of a table that grows with every run, took a fifth of PostgreSQL's statement time
 * in a run of 1 Dec 2026 (pg_stat_statements), on the cores the intake was measured on.
 */
final class FlagOffsets implements AutoCloseable {

    /** The service's consumer group (its default, application.yml; the benchmark does not change it). */
    static final String SERVICE_GROUP = "casebook-cases";
    private static final long POLL_MILLIS = 20;

    private final Admin admin;

    FlagOffsets(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "casebook-benchmarks-offsets"));
    }

    /** The next offset of each partition of the flag topic: call after the producer's flush. */
    Map<TopicPartition, Long> ends() throws InterruptedException {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(Flags.TOPIC)).allTopicNames().get()
                    .get(Flags.TOPIC).partitions().stream()
                    .map(partition -> new TopicPartition(Flags.TOPIC, partition.partition())).toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()))).all().get();
            return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the end offsets of " + Flags.TOPIC, e.getCause());
        }
    }

    /**
     * Polls every 20 ms until the service's group has committed {@code ends}; answers the {@link System#nanoTime()}
     * at which it saw them.
     */
    long awaitCommitted(Map<TopicPartition, Long> ends, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long behind = behind(ends);
            long now = System.nanoTime();
            if (behind == 0) {
                return now;
            }
            if (now > deadline) {
                throw new IllegalStateException(behind + " flags still not consumed by the service after "
                        + timeout.toSeconds() + " s: see the service log");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private long behind(Map<TopicPartition, Long> ends) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(SERVICE_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().mapToLong(end -> {
                OffsetAndMetadata at = committed.get(end.getKey());
                return Math.max(0, end.getValue() - (at == null ? 0 : at.offset()));
            }).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the offsets of group " + SERVICE_GROUP, e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
