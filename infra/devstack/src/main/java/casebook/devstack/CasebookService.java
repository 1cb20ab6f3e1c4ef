package casebook.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Casebook service ({@code cases-app.jar}) as a child process: {@code java -jar} with Spring properties as
 * {@code --key=value} arguments, ready when {@code /actuator/health} answers UP. Several instances can run
 * side by side on different ports.
 */
public final class CasebookService extends LocalServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240); // 80 s measured on a busy machine
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar;
    private final Map<String, String> properties;
    private final Path requestedLogFile;
    private final List<String> javaOptions = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Logs to {@code casebook-<port>.log} beside the jar. A port of 0 means any free port. */
    public CasebookService(Path jar, int port, Map<String, String> properties) {
        this(jar, port, properties, null);
    }

    public CasebookService(Path jar, int port, Map<String, String> properties, Path logFile) {
        super("Casebook service", port);
        this.jar = jar.toAbsolutePath();
        this.properties = new LinkedHashMap<>(properties);
        this.requestedLogFile = logFile;
    }

    /** JVM options for the service process (e.g. a profiler's); takes effect at the next start. */
    public CasebookService javaOptions(List<String> options) {
        javaOptions.clear();
        javaOptions.addAll(options);
        return this;
    }

    @Override
    protected void launch() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -DskipTests install");
        }
        int port = choosePort();
        Path logFile = logFile();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true"));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--server.port=" + port);
        try {
            Files.createDirectories(logFile.getParent());
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the log file " + logFile, e);
        }
        ServerProcess process = startProcess(command, Map.of(), jar.getParent(), logFile, false);
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        process.awaitReady(START_TIMEOUT, () -> {
            HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && "UP".equals(JSON.readTree(response.body()).path("status").asText());
        });
    }

    @Override
    protected String readyOn() {
        return baseUrl();
    }

    @Override
    protected String details() {
        return "log " + logFile();
    }

    @Override
    protected String notRunning() {
        return "the Casebook service is not running";
    }

    public synchronized String baseUrl() {
        return "http://127.0.0.1:" + runningPort();
    }

    /** The console (services/console), served by the service under /console/. */
    public synchronized String consoleUrl() {
        return baseUrl() + "/console/";
    }

    public synchronized Path logFile() {
        return requestedLogFile != null ? requestedLogFile : jar.resolveSibling("casebook-" + chosenPort() + ".log");
    }
}
