package casebook.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch 8 (the integ-test distribution: core modules only), single node, security off, 1 GB heap,
 * as the service user when this JVM runs as root. Its config folder is copied into the data folder at each start,
 * so the unpacked distribution stays read-only; its {@code data/} folder (indices, aliases) is kept between starts.
 */
public final class ElasticsearchServer extends LocalServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300); // 115 s measured on a busy machine

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param port      0 for a free port chosen at start
     * @param dataDir   kept from one start to the next (initialised when empty)
     * @param throwAway delete {@code dataDir} at {@link #close()}
     */
    ElasticsearchServer(int port, Path dataDir, boolean throwAway) {
        super("Elasticsearch", port, dataDir, throwAway);
    }

    @Override
    protected void launch() {
        Path home = Installation.elasticsearchHome();
        int port = choosePort();
        int transportPort = Ports.free();
        Folders.created(dataDir);
        Path config = dataDir.resolve("config");
        Folders.copy(home.resolve("config"), config);
        for (String folder : List.of("data", "logs")) {
            Folders.created(dataDir.resolve(folder));
        }
        Folders.fresh(dataDir.resolve("tmp"));
        ServiceUser.own(dataDir);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/elasticsearch").toString()));
        Map.of("discovery.type", "single-node",
                "xpack.security.enabled", "false",
                "network.host", "127.0.0.1",
                "http.port", String.valueOf(port),
                "transport.port", String.valueOf(transportPort),
                "path.data", dataDir.resolve("data").toString(),
                "path.logs", dataDir.resolve("logs").toString(),
                "cluster.routing.allocation.disk.threshold_enabled", "false")
                .forEach((key, value) -> command.addAll(List.of("-E", key + "=" + value)));
        Map<String, String> environment = Map.of(
                "ES_JAVA_HOME", System.getProperty("java.home"),
                "ES_PATH_CONF", config.toString(),
                "ES_TMPDIR", dataDir.resolve("tmp").toString(),
                "ES_JAVA_OPTS", "-Xms1g -Xmx1g");
        ServerProcess process = startProcess(command, environment, dataDir, dataDir.resolve("elasticsearch.log"),
                true);
        HttpRequest health = HttpRequest.newBuilder(
                URI.create(httpUrl() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5)).build();
        process.awaitReady(START_TIMEOUT,
                () -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    @Override
    protected String readyOn() {
        return httpUrl();
    }

    public synchronized String httpUrl() {
        return "http://127.0.0.1:" + runningPort();
    }
}
