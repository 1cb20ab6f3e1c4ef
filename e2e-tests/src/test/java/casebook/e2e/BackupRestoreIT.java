package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.CaseSummary;
import casebook.client.model.Flag;
import casebook.client.model.RebuildStarted;
import casebook.devstack.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static casebook.e2e.Search.bySignal;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md, as an operator follows it: a cold backup of PostgreSQL's data folder (the source of truth),
 * more flags, then a restore of that folder, the flag consumer group moved back to the backup's time, and a rebuild
 * of the search index. The same searches answer the same cases; a flag acknowledged over Kafka after the backup is
 * consumed again; a flag acknowledged over REST after the backup is lost, and its detector can send it again. Runs
 * after every other class but {@link FaultsIT} and {@link RebuildIT} (it rolls the database back).
 */
@EndToEnd
@Order(Integer.MAX_VALUE - 2)
class BackupRestoreIT {
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final String CONSUMER_GROUP = "casebook-cases";
    private final Casebook casebook;

    BackupRestoreIT(Casebook casebook) {
        this.casebook = casebook;
    }

    @Test
    void aRestoredDatabaseAndARebuiltIndexAnswerTheSameSearches() throws Exception {
        CasebookApi detector = casebook.detector("detector-sea");
        CasebookApi anaSea = casebook.as("ana.sea");
        String device = Flags.unique("dev");
        Flag overRestBefore = Flags.brushing(Flags.unique("shop"), "SEA", device);
        Flag overKafkaBefore = Flags.brushing(Flags.unique("shop"), "SEA", device);
        detector.raiseFlag(overRestBefore, null);
        casebook.flagTopic().publish(overKafkaBefore);
        Map<String, UUID> beforeBackup = eventually(PATIENCE)
                .until(() -> casesBySubject(anaSea, device), found -> found.size() == 2);

        Path backup = Files.createTempFile("casebook-backup-", ".tgz");
        Instant backedUpAt = Instant.now();
        PostgresServer postgres = casebook.servers().postgres();
        casebook.whileStopped(() -> {
            postgres.stop();
            tar("-czf", backup.toString(), "-C", postgres.pgdata().getParent().toString(), "pgdata");
            postgres.start();
        });

        Flag overRestAfter = Flags.brushing(Flags.unique("shop"), "SEA", device);
        Flag overKafkaAfter = Flags.brushing(Flags.unique("shop"), "SEA", device);
        casebook.detector("detector-sea").raiseFlag(overRestAfter, null);
        casebook.flagTopic().publish(overKafkaAfter);
        eventually(PATIENCE).until(() -> casesBySubject(casebook.as("ana.sea"), device), found -> found.size() == 4);

        casebook.whileStopped(() -> {
            postgres.stop();
            deleteFolder(postgres.pgdata());
            tar("-xzf", backup.toString(), "-C", postgres.pgdata().getParent().toString());
            postgres.start();
            moveConsumerGroupBackTo(backedUpAt);
        });
        RebuildStarted rebuild = casebook.as("root.admin").rebuildCaseSearch(UUID.randomUUID().toString());
        eventually(PATIENCE).until(() -> casebook.searchIndex().indicesBehindAlias(),
                List.of(rebuild.getTargetIndex())::equals);

        CasebookApi afterRestore = casebook.as("ana.sea");
        Map<String, UUID> restored = eventually(PATIENCE)
                .until(() -> casesBySubject(afterRestore, device), found -> found.size() == 3);
        assertThat(restored).containsAllEntriesOf(beforeBackup)
                .containsKey(Flags.shopOf(overKafkaAfter))
                .doesNotContainKey(Flags.shopOf(overRestAfter));
        assertThat(casebook.detector("detector-sea").raiseFlagWithHttpInfo(overRestAfter, null).getStatusCode())
                .as("the REST flag lost by the restore, sent again, is new to the platform").isEqualTo(202);
        Files.deleteIfExists(backup);
    }

    /** The cases an analyst finds by the device id, by subject. */
    private static Map<String, UUID> casesBySubject(CasebookApi api, String device) throws Exception {
        return bySignal(api, device).getItems().stream()
                .collect(Collectors.toMap(summary -> summary.getSubject().getId(), CaseSummary::getCaseId));
    }

    /**
     * The flag consumer group's offsets set to the first record at or after {@code time} (the end of a partition
     * that has none): flags consumed after the backup are consumed again. What Kafka's
     * {@code kafka-consumer-groups --reset-offsets --to-datetime} does; the group must be inactive.
     */
    private void moveConsumerGroupBackTo(Instant time) {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                casebook.servers().kafka().bootstrapServers()))) {
            Set<TopicPartition> partitions = admin.describeTopics(List.of(FlagTopic.TOPIC)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(FlagTopic.TOPIC).partitions().stream()
                    .map(p -> new TopicPartition(FlagTopic.TOPIC, p.partition())).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> atTime = new HashMap<>();
            Map<TopicPartition, OffsetSpec> atEnd = new HashMap<>();
            partitions.forEach(p -> {
                atTime.put(p, OffsetSpec.forTimestamp(time.toEpochMilli()));
                atEnd.put(p, OffsetSpec.latest());
            });
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> fromTime =
                    admin.listOffsets(atTime).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(atEnd).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            partitions.forEach(p -> {
                long offset = fromTime.get(p).offset();
                offsets.put(p, new OffsetAndMetadata(offset >= 0 ? offset : ends.get(p).offset()));
            });
            admin.alterConsumerGroupOffsets(CONSUMER_GROUP, offsets).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot move consumer group " + CONSUMER_GROUP + " back to " + time, e);
        }
    }

    private static void tar(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("tar"));
        command.addAll(List.of(arguments));
        try {
            Process tar = new ProcessBuilder(command).inheritIO().start();
            assertThat(tar.waitFor(5, TimeUnit.MINUTES)).as("tar finished").isTrue();
            assertThat(tar.exitValue()).as(String.join(" ", command)).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteFolder(Path folder) {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
