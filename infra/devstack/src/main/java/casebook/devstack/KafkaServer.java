package casebook.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Apache Kafka 4 in KRaft mode, one node that is broker and controller. Its storage is formatted (a new cluster
 * id) only when the log folder holds none; a restart keeps the cluster, its topics and the consumer groups'
 * committed offsets, and the controller's port, which the formatted quorum remembers. Topics are created
 * automatically on first use.
 */
public final class KafkaServer extends LocalServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180); // 65 s measured on a busy machine

    /**
     * @param port      0 for a free port chosen at start
     * @param dataDir   kept from one start to the next (initialised when empty)
     * @param throwAway delete {@code dataDir} at {@link #close()}
     */
    KafkaServer(int port, Path dataDir, boolean throwAway) {
        super("Kafka", port, dataDir, throwAway);
    }

    @Override
    protected void launch() {
        Path libs = Installation.kafkaLibs();
        int port = choosePort();
        Folders.created(dataDir);
        Path properties = dataDir.resolve("server.properties");
        boolean formatted = Files.isRegularFile(logDirs().resolve("meta.properties"));
        int controllerPort = formatted ? controllerPort(properties) : Ports.free();
        Folders.write(properties, serverProperties(port, controllerPort));
        Path log4j = dataDir.resolve("log4j2.properties");
        Folders.write(log4j, LOG4J);
        if (!formatted) {
            Folders.delete(logDirs());
            Processes.run("kafka storage format", java(libs, log4j, "kafka.tools.StorageTool", "format",
                    "-t", Uuid.randomUuid().toString(), "-c", properties.toString(), "--standalone"),
                    Map.of(), dataDir, START_TIMEOUT);
        }
        ServerProcess process = startProcess(java(libs, log4j, "kafka.Kafka", properties.toString()), Map.of(),
                dataDir, dataDir.resolve("kafka.log"), false);
        process.awaitReady(START_TIMEOUT, () -> Ports.accepts(port));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000))) {
            process.awaitReady(START_TIMEOUT,
                    () -> !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty());
        }
    }

    @Override
    protected String readyOn() {
        return bootstrapServers();
    }

    public synchronized String bootstrapServers() {
        return "127.0.0.1:" + runningPort();
    }

    private Path logDirs() {
        return dataDir.resolve("log-dirs");
    }

    /** The controller port of the last start: the quorum formatted then knows the controller by it. */
    private static int controllerPort(Path properties) {
        Properties last = new Properties();
        try (Reader reader = Files.newBufferedReader(properties)) {
            last.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the controller port of the last start from " + properties, e);
        }
        String quorum = last.getProperty("controller.quorum.bootstrap.servers", "");
        try {
            return Integer.parseInt(quorum.substring(quorum.lastIndexOf(':') + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(properties + " names no controller port (" + quorum + "): start with a "
                    + "fresh data folder", e);
        }
    }

    private static List<String> java(Path libs, Path log4j, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j,
                "-cp", libs.resolve("*").toString(), mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private String serverProperties(int port, int controllerPort) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                auto.create.topics.enable=true
                num.partitions=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=10
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, logDirs());
    }

    private static final String LOG4J = """
            status = warn
            appender.out.type = Console
            appender.out.name = out
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.out.ref = out
            logger.state.name = state.change.logger
            logger.state.level = WARN
            """;
}
