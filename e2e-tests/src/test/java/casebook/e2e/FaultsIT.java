package casebook.e2e;

import casebook.client.ApiException;
import casebook.client.api.CasebookApi;
import casebook.client.api.CasebookApi.APISearchCasesRequest;
import casebook.client.model.CaseStatus;
import casebook.client.model.CaseSummary;
import casebook.client.model.Flag;
import casebook.client.model.RebuildStarted;
import casebook.devstack.Server;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Faults of the real servers while flags arrive over REST and Kafka: the Kafka broker restarted, Elasticsearch stopped
 * and started again, PostgreSQL restarted. Each time every acknowledged flag (a 2xx receipt, or a record the broker
 * acknowledged to all replicas) is in the event store exactly once, no flag is there twice, and the search index
 * catches up with the event store and answers what a rebuild answers. Runs after every other class but
 * {@link RebuildIT} (it takes servers away for a while); each test leaves every server running.
 */
@EndToEnd
@Order(Integer.MAX_VALUE - 1)
class FaultsIT {
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    /** A stop and a start of a server (Elasticsearch: up to 5 minutes on a busy machine), with intake beside it. */
    private static final Duration FAULT_PATIENCE = Duration.ofMinutes(12);
    private static final int SUBJECTS = 8;
    private static final int BEFORE = 10;
    private static final int DURING = 5;
    private static final int AFTER = 10;

    private final Casebook casebook;

    FaultsIT(Casebook casebook) {
        this.casebook = casebook;
    }

    @Test
    void kafkaBrokerRestartedMidIntake() throws Exception {
        Server kafka = casebook.servers().kafka();
        survives(intake -> {
            int acknowledged = intake.restAcknowledged();
            kafka.stop();
            // REST intake goes on while the broker is away; the detector's records wait in its producer
            intake.awaitRest(acknowledged + DURING);
            kafka.start();
        });
    }

    @Test
    void elasticsearchStoppedDuringIntakeAndStartedAgain() throws Exception {
        Server elasticsearch = casebook.servers().elasticsearch();
        survives(intake -> {
            int rest = intake.restAcknowledged();
            int kafka = intake.kafkaAcknowledged();
            elasticsearch.stop();
            // intake does not need the search index: both paths keep acknowledging while it is away
            intake.awaitRest(rest + DURING);
            intake.awaitKafka(kafka + DURING);
            // search needs the index: an analyst is told to try again (503 problem 'unavailable'), never a 500
            ApiException unavailable = catchThrowableOfType(ApiException.class,
                    () -> found(casebook.as("ana.sea"), Flags.unique("dev")));
            assertThat(unavailable.getCode()).isEqualTo(503);
            assertThat(unavailable.getResponseBody()).contains("\"code\":\"unavailable\"");
            elasticsearch.start();
        });
    }

    @Test
    void postgresRestartedDuringIntake() throws Exception {
        Server postgres = casebook.servers().postgres();
        survives(intake -> {
            int refused = intake.restRefused();
            postgres.stop();
            // nothing can be acknowledged without the event store: wait until the service has refused a flag
            intake.awaitRestRefused(refused + 1);
            postgres.start();
        });
    }

    /** Runs intake, the fault in the middle of it, then checks the event store and the search index. */
    private void survives(Fault fault) throws Exception {
        String run = Flags.unique("fault");
        String device = Flags.unique("dev");
        List<String> shops = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            shops.add(Flags.unique("shop"));
        }
        Intake intake = new Intake(run, shops, device);
        try {
            intake.start();
            intake.pace(() -> intake.restAcknowledged() >= BEFORE && intake.kafkaAcknowledged() >= BEFORE);
            CompletableFuture<Void> faulted = CompletableFuture.runAsync(() -> fault.during(intake));
            intake.pace(faulted::isDone, FAULT_PATIENCE);
            faulted.join();
            int rest = intake.restAcknowledged();
            int kafka = intake.kafkaAcknowledged();
            intake.pace(() -> intake.restAcknowledged() >= rest + AFTER && intake.kafkaAcknowledged() >= kafka + AFTER);
        } finally {
            intake.stop();
        }

        // every acknowledged flag is stored, once; no flag (acknowledged or not) is stored twice
        Set<String> acknowledged = intake.acknowledged();
        List<EventStore.Attached> attached = await("every acknowledged flag in the event store").atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> casebook.eventStore().flagsAttached(run),
                        found -> found.stream().map(EventStore.Attached::flagId).collect(Collectors.toSet())
                                .containsAll(acknowledged));
        Map<String, Long> timesStored = attached.stream()
                .collect(Collectors.groupingBy(EventStore.Attached::flagId, Collectors.counting()));
        assertThat(timesStored).allSatisfy((flagId, times) -> assertThat(times).as(flagId).isEqualTo(1L));
        assertThat(timesStored.keySet()).containsAll(acknowledged);
        intake.restReceipts().forEach((flagId, caseId) -> assertThat(attached)
                .contains(new EventStore.Attached(caseId.toString(), flagId)));

        // the search index catches up with the event store, and a rebuild from the event store answers the same
        Set<Found> stored = attached.stream()
                .collect(Collectors.groupingBy(EventStore.Attached::caseId, Collectors.counting()))
                .entrySet().stream()
                .map(e -> new Found(UUID.fromString(e.getKey()), CaseStatus.OPEN, e.getValue().intValue()))
                .collect(Collectors.toSet());
        assertThat(stored).hasSizeLessThanOrEqualTo(SUBJECTS);
        CasebookApi anaSea = casebook.as("ana.sea");
        Set<Found> before = eventually(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> found(anaSea, device), stored::equals);

        RebuildStarted rebuild = casebook.as("root.admin").rebuildCaseSearch(UUID.randomUUID().toString());
        eventually(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> casebook.searchIndex().indicesBehindAlias(), List.of(rebuild.getTargetIndex())::equals);
        assertThat(eventually(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> found(anaSea, device), before::equals)).isEqualTo(stored);
    }

    /** What an analyst finds by the run's device id: each case with its status and flag count. */
    private static Set<Found> found(CasebookApi api, String device) throws Exception {
        return api.searchCases(APISearchCasesRequest.newBuilder().signal(device).size(100).build()).getItems()
                .stream().map(Found::of).collect(Collectors.toSet());
    }

    record Found(UUID caseId, CaseStatus status, int flagCount) {
        static Found of(CaseSummary summary) {
            return new Found(summary.getCaseId(), summary.getStatus(), summary.getFlagCount());
        }
    }

    /** What happens to a server while flags arrive; runs beside the intake. */
    @FunctionalInterface
    private interface Fault {
        void during(Intake intake);
    }

    /**
     * Two detection systems of SEA sending brushing flags on a few sellers, all with one device id: one over REST
     * (alternating the two service instances), one over Kafka (acks from all replicas, idempotent, retrying for as
     * long as a broker restart takes). Each sends a flag when the test's pace allows it, so that a fault met at full
     * speed does not turn into thousands of flags.
     */
    private final class Intake {
        private final String run;
        private final List<String> shops;
        private final String device;
        private final Semaphore restTurns = new Semaphore(0);
        private final Semaphore kafkaTurns = new Semaphore(0);
        private final Map<String, UUID> restReceipts = new ConcurrentHashMap<>();
        private final Set<String> kafkaAcks = ConcurrentHashMap.newKeySet();
        private final AtomicInteger restRefused = new AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopped;

        Intake(String run, List<String> shops, String device) {
            this.run = run;
            this.shops = shops;
            this.device = device;
        }

        void start() {
            threads.add(new Thread(this::sendOverRest, "fault-intake-rest"));
            threads.add(new Thread(this::sendOverKafka, "fault-intake-kafka"));
            threads.forEach(Thread::start);
        }

        /** Lets each sender send about ten flags a second until {@code done}. */
        void pace(Callable<Boolean> done) {
            pace(done, PATIENCE);
        }

        void pace(Callable<Boolean> done, Duration atMost) {
            await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
                turn(restTurns);
                turn(kafkaTurns);
                return done.call();
            });
        }

        void stop() throws InterruptedException {
            stopped = true;
            // not interrupted: a sender waiting for an ack finishes that flag, then sees the stop
            for (Thread thread : threads) {
                thread.join(PATIENCE.toMillis());
            }
        }

        int restAcknowledged() {
            return restReceipts.size();
        }

        int kafkaAcknowledged() {
            return kafkaAcks.size();
        }

        int restRefused() {
            return restRefused.get();
        }

        void awaitRest(int acknowledged) {
            awaitCount(this::restAcknowledged, acknowledged, "REST receipts");
        }

        void awaitKafka(int acknowledged) {
            awaitCount(this::kafkaAcknowledged, acknowledged, "Kafka acks");
        }

        void awaitRestRefused(int refused) {
            awaitCount(this::restRefused, refused, "refused REST flags");
        }

        Map<String, UUID> restReceipts() {
            return Map.copyOf(restReceipts);
        }

        Set<String> acknowledged() {
            Set<String> all = new HashSet<>(restReceipts.keySet());
            all.addAll(kafkaAcks);
            return all;
        }

        private void awaitCount(IntSupplier count, int atLeast, String what) {
            await(what + " reaching " + atLeast).atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> count.getAsInt() >= atLeast);
        }

        private void turn(Semaphore turns) {
            if (turns.availablePermits() == 0) {
                turns.release();
            }
        }

        private boolean awaitTurn(Semaphore turns) {
            try {
                while (!stopped) {
                    if (turns.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        private Flag flag(String path, int n) {
            return Flags.brushing(shops.get(n % shops.size()), "SEA", device).flagId(run + "-" + path + "-" + n);
        }

        private void sendOverRest() {
            CasebookApi[] detectors = new CasebookApi[casebook.instances()];
            for (int i = 0; i < detectors.length; i++) {
                detectors[i] = casebook.detector("detector-sea", i);
            }
            for (int n = 0; awaitTurn(restTurns); n++) {
                Flag flag = flag("rest", n);
                try {
                    var answer = detectors[n % detectors.length].raiseFlagWithHttpInfo(flag, null);
                    if (answer.getStatusCode() / 100 == 2) {
                        restReceipts.put(flag.getFlagId(), answer.getData().getCaseId());
                    }
                } catch (Exception refusedOrUnreachable) {
                    // not acknowledged: the detector would send it again; this test only counts it
                    restRefused.incrementAndGet();
                }
            }
        }

        private void sendOverKafka() {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, casebook.servers().kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis(),
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, PATIENCE.toMillis(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
                Function<Flag, byte[]> json = flag -> {
                    try {
                        return casebook.json().writeValueAsBytes(flag);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                };
                for (int n = 0; awaitTurn(kafkaTurns); n++) {
                    Flag flag = flag("kafka", n);
                    try {
                        producer.send(new ProducerRecord<>(FlagTopic.TOPIC, FlagTopic.key(flag), json.apply(flag)))
                                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                        kafkaAcks.add(flag.getFlagId());
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception notAcknowledged) {
                        // the detector would send it again; not counted as acknowledged
                    }
                }
            }
        }
    }
}
