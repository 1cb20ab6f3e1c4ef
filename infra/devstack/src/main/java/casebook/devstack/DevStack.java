package casebook.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, Kafka, Elasticsearch and Keycloak as local processes (see DEVSTACK.md).
 *
 * <p>Tests use {@link #shared()}: one stack per JVM on free ports with throw-away data, each server started
 * on first access, all stopped when the JVM exits. A server of the stack can be stopped and started again (a
 * fault test): it comes back on the same port with its data.
 * <pre>{@code
 * @DynamicPropertySource
 * static void stack(DynamicPropertyRegistry registry) {
 *     DevStack.shared().springProperties("cases").forEach((key, value) -> registry.add(key, () -> value));
 * }
 * }</pre>
 */
public final class DevStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);
    private static final String SHARED_PREFIX = "casebook-devstack-";
    private static DevStack shared;

    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final ElasticsearchServer elasticsearch;
    private final KeycloakServer keycloak;

    private DevStack(PostgresServer postgres, KafkaServer kafka, ElasticsearchServer elasticsearch,
                     KeycloakServer keycloak) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.keycloak = keycloak;
    }

    /**
     * The stack of this JVM: free ports, data in a temporary folder (PostgreSQL with fsync off), each server
     * started on first access, everything stopped and deleted by a shutdown hook.
     */
    public static synchronized DevStack shared() {
        if (shared == null) {
            Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
            Leftovers.stopOrphanedSharedStacks(tempDir, SHARED_PREFIX);
            Path root = Folders.temporary(SHARED_PREFIX);
            Leftovers.claim(root);
            DevStack stack = new DevStack(
                    new PostgresServer(0, root.resolve("postgres"), false, true),
                    new KafkaServer(0, root.resolve("kafka"), true),
                    new ElasticsearchServer(0, root.resolve("elasticsearch"), true),
                    new KeycloakServer(0, root.resolve("keycloak"), true));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                Folders.delete(root);
            }, "devstack-shutdown"));
            shared = stack;
        }
        return shared;
    }

    /**
     * Starts all servers in parallel on the configured ports, PostgreSQL with fsync on, with the data that
     * {@code config.dataDir()} holds from the last start (each server initialises its own folder when it is
     * empty): the database, Kafka's cluster, topics and committed offsets, the search indices and Keycloak's
     * database are where they were. The data stays there after {@link #close()}. The caller closes it.
     */
    public static DevStack start(DevStackConfig config) {
        return start(config, false);
    }

    /** {@link #start(DevStackConfig)}, after deleting everything {@code config.dataDir()} holds. */
    public static DevStack startEmpty(DevStackConfig config) {
        return start(config, true);
    }

    private static DevStack start(DevStackConfig config, boolean empty) {
        Path root = config.dataDir();
        Leftovers.stopOrphaned(root, false);
        if (empty) {
            Folders.delete(root);
        }
        Leftovers.claim(root);
        DevStack stack = new DevStack(
                new PostgresServer(config.postgresPort(), root.resolve("postgres"), true, false),
                new KafkaServer(config.kafkaPort(), root.resolve("kafka"), false),
                new ElasticsearchServer(config.elasticsearchPort(), root.resolve("elasticsearch"), false),
                new KeycloakServer(config.keycloakPort(), root.resolve("keycloak"), false));
        try {
            return stack.startAll();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public PostgresServer postgres() {
        return started(postgres);
    }

    public KafkaServer kafka() {
        return started(kafka);
    }

    public ElasticsearchServer elasticsearch() {
        return started(elasticsearch);
    }

    public KeycloakServer keycloak() {
        return started(keycloak);
    }

    /** Starts, in parallel, every server that is not running; fails once all have finished trying. */
    public DevStack startAll() {
        List<Server> stopped = servers().stream().filter(server -> !server.isRunning()).toList();
        if (!stopped.isEmpty()) {
            long started = System.nanoTime();
            inParallel(stopped, Server::start, "start");
            log.info("Dev stack ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        return this;
    }

    /**
     * Spring Boot properties for an app on this stack, its database created if missing:
     * {@code spring.datasource.url/username/password}, {@code spring.kafka.bootstrap-servers},
     * {@code spring.elasticsearch.uris} and {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
     */
    public Map<String, String> springProperties(String database) {
        startAll();
        postgres.createDatabase(database);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.jdbcUrl(database));
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.elasticsearch.uris", elasticsearch.httpUrl());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuerUri());
        return properties;
    }

    /** Stops every server, in parallel; a throw-away stack's servers delete their data. */
    @Override
    public void close() {
        inParallel(servers(), Server::close, "stop");
    }

    /** The server, started first unless it is running. */
    private static <S extends Server> S started(S server) {
        server.start();
        return server;
    }

    private List<Server> servers() {
        return List.of(postgres, kafka, elasticsearch, keycloak);
    }

    private static void inParallel(List<Server> servers, Consumer<Server> action, String what) {
        ExecutorService threads = Executors.newFixedThreadPool(servers.size(), runnable -> {
            Thread thread = new Thread(runnable, "devstack-" + what);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> futures = servers.stream()
                    .map(server -> CompletableFuture.runAsync(() -> action.accept(server), threads)).toList();
            List<Throwable> failures = new ArrayList<>();
            for (CompletableFuture<Void> future : futures) {
                try {
                    future.join();
                } catch (CompletionException e) {
                    failures.add(e.getCause());
                }
            }
            if (!failures.isEmpty()) {
                IllegalStateException failure = new IllegalStateException("dev stack: " + failures.size()
                        + " server(s) failed to " + what + ": " + failures.get(0).getMessage(), failures.get(0));
                failures.stream().skip(1).forEach(failure::addSuppressed);
                throw failure;
            }
        } finally {
            threads.shutdown();
        }
    }
}
