package casebook.e2e;

import casebook.client.ApiClient;
import casebook.client.api.CasebookApi;
import casebook.devstack.CasebookService;
import casebook.devstack.DevStack;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The platform under test, once per test JVM: the dev stack's servers and TWO instances of the case service,
 * started from the real jar as separate processes on free ports, sharing one database, one Kafka consumer group
 * and one search alias. Started by the first test class that needs it ({@link EndToEnd}) and stopped when the
 * test run ends (the dev stack stops its servers with its own shutdown hook).
 *
 * <p>Tests reach it only as a user of the platform would: {@link #as(String) as a person},
 * {@link #detector(String) as a detection system}, {@link #anonymous() without a token}, plus the flag topic and
 * the search index's HTTP address.
 */
public final class Casebook implements AutoCloseable {
    /** The case service's search alias, as configured below. */
    public static final String SEARCH_ALIAS = "cases";
    static final String DATABASE = "casebook_e2e";
    static final String SERVICE_JAR = "casebook.e2e.service-jar";
    static final String LOG_DIR = "casebook.e2e.log-dir";
    static final int INSTANCES = 2;

    private final DevStack stack;
    private final List<CasebookService> instances;
    private final Tokens tokens;
    private final ObjectMapper json = ApiClient.createDefaultObjectMapper();

    private Casebook(DevStack stack, List<CasebookService> instances) {
        this.stack = stack;
        this.instances = instances;
        this.tokens = new Tokens(stack.keycloak());
    }

    private static Casebook shared;
    private volatile boolean closed;

    /**
     * The platform for test engines that have no JUnit Jupiter extensions (jqwik properties): the same one the
     * {@link EndToEnd} classes get, started again only if JUnit already closed it.
     */
    static synchronized Casebook shared() {
        if (shared == null || shared.closed) {
            shared = start();
        }
        return shared;
    }

    static Casebook start() {
        Path jar = serviceJar();
        Path logs = Path.of(System.getProperty(LOG_DIR, "target/e2e-logs")).toAbsolutePath();
        DevStack stack = DevStack.shared();
        stack.startAll();
        List<CasebookService> instances = new ArrayList<>();
        try {
            // one after the other: the first migrates the database and creates the search index behind the alias
            for (int i = 0; i < INSTANCES; i++) {
                Map<String, String> properties = new LinkedHashMap<>(stack.springProperties(DATABASE));
                properties.put("casebook.search.alias", SEARCH_ALIAS);
                // a US P4 case (a weak flag, no money at risk) must be taken within 20 s: CrashIT sees that deadline
                // survive a crash; no other test opens such a case
                properties.put("casebook.sla.first-assignment.regions.US.P4", CrashIT.TIME_TO_ASSIGN_US_P4.toString());
                // port 0: the launcher picks a free port and adds server.port itself
                CasebookService instance = new CasebookService(jar, 0, properties, logs.resolve("cases-app-" + i + ".log"));
                instances.add(instance);
                instance.start();
            }
            // the console (services/console) of each instance may sign in at Keycloak from its random port
            instances.forEach(instance -> stack.keycloak().allowConsoleAt(instance.baseUrl()));
        } catch (RuntimeException e) {
            instances.forEach(Casebook::stopQuietly);
            throw e;
        }
        Casebook casebook = new Casebook(stack, List.copyOf(instances));
        // JUnit closes it at the end of the run; this hook is for a run that is cut short
        Runtime.getRuntime().addShutdownHook(new Thread(casebook::close, "casebook-e2e-shutdown"));
        return casebook;
    }

    /** The API as person {@code user} (demo users' password is their user name), on the first instance. */
    public CasebookApi as(String user) {
        return as(user, 0);
    }

    /** The API as person {@code user} on instance {@code instance} (0 or 1). */
    public CasebookApi as(String user, int instance) {
        return api(instance, bearer(() -> tokens.user(user)));
    }

    /** The API as detection system {@code clientId} (its secret is {@code <clientId>-secret}), on the first instance. */
    public CasebookApi detector(String clientId) {
        return detector(clientId, 0);
    }

    /** The API as another system's service account ({@code appeals-sea}: the seller/creator centre of SEA). */
    public CasebookApi system(String clientId) {
        return detector(clientId, 0);
    }

    public CasebookApi detector(String clientId, int instance) {
        return api(instance, bearer(() -> tokens.client(clientId)));
    }

    /**
     * The API with a genuine token of the casebook realm that was issued to another client (Keycloak's own
     * {@code admin-cli}), so it lacks the API's audience.
     */
    public CasebookApi withTokenForAnotherAudience(String user) {
        return api(0, bearer(() -> stack.keycloak().passwordToken("admin-cli", user, user)));
    }

    /**
     * The API with person {@code user}'s genuine token, one character of its signature changed: the same claims,
     * not signed by the realm.
     */
    public CasebookApi withAlteredSignature(String user) {
        return api(0, bearer(() -> {
            String token = tokens.user(user);
            int at = token.lastIndexOf('.') + 5;
            return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        }));
    }

    /** The API without any token. */
    public CasebookApi anonymous() {
        return api(0, null);
    }

    /** The same HTTP client, for requests the generated client cannot express (a body with an unknown field). */
    public RawRequests raw(String clientId) {
        return new RawRequests(apiClient(0, bearer(() -> tokens.client(clientId))), json);
    }

    /** Raw requests as person {@code user}. */
    public RawRequests rawAs(String user) {
        return new RawRequests(apiClient(0, bearer(() -> tokens.user(user))), json);
    }

    /**
     * The console (services/console) as a person's browser opens it, served by the first instance:
     * {@code http://127.0.0.1:<port>/console/}, ending in a slash.
     */
    public String consoleUrl() {
        return instances.get(0).consoleUrl();
    }

    public int instances() {
        return instances.size();
    }

    /**
     * Kills every instance of the case service at once (SIGKILL: no shutdown, nothing flushed) and starts them again:
     * what was committed before must survive, what was acknowledged must not be lost.
     */
    public void crashAndRestart() {
        instances.forEach(CasebookService::kill);
        instances.forEach(CasebookService::start);
    }

    /**
     * Stops every instance of the case service (gracefully), does {@code work} while none runs (an operator's
     * backup or restore), and starts them again.
     */
    public void whileStopped(Runnable work) {
        instances.forEach(CasebookService::stop);
        try {
            work.run();
        } finally {
            instances.forEach(CasebookService::start);
        }
    }

    public FlagTopic flagTopic() {
        return new FlagTopic(stack.kafka().bootstrapServers(), json);
    }

    public EnforcementTopic enforcementTopic() {
        return new EnforcementTopic(stack.kafka().bootstrapServers(), json);
    }

    /** The events stored in the service's database, read as an operator would (SQL). */
    public EventStore eventStore() {
        return new EventStore(stack.postgres(), DATABASE, json);
    }

    /**
     * The servers under the platform, for fault tests that stop and start one of them (it comes back on the same
     * port with its data).
     */
    public DevStack servers() {
        return stack;
    }

    public SearchIndex searchIndex() {
        return new SearchIndex(stack.elasticsearch().httpUrl(), SEARCH_ALIAS, json);
    }

    /** The client's JSON mapper (the one the generated client uses): flags as detection systems write them. */
    public ObjectMapper json() {
        return json;
    }

    @Override
    public void close() {
        closed = true;
        instances.forEach(Casebook::stopQuietly);
    }

    private CasebookApi api(int instance, Consumer<HttpRequest.Builder> auth) {
        return new CasebookApi(apiClient(instance, auth));
    }

    private ApiClient apiClient(int instance, Consumer<HttpRequest.Builder> auth) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(instances.get(instance).baseUrl());
        client.setConnectTimeout(Duration.ofSeconds(10));
        client.setReadTimeout(Duration.ofSeconds(60));
        if (auth != null) client.setRequestInterceptor(auth);
        return client;
    }

    private static Consumer<HttpRequest.Builder> bearer(Supplier<String> token) {
        return request -> request.setHeader("Authorization", "Bearer " + token.get());
    }

    private static Path serviceJar() {
        String configured = System.getProperty(SERVICE_JAR, "../services/cases/cases-app/target/cases-app.jar");
        Path jar = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The case service jar " + jar + " does not exist: build it first "
                    + "(./mvnw -pl services/cases/cases-app -am package -DskipTests) or run ./mvnw verify from the root");
        }
        return jar;
    }

    private static void stopQuietly(CasebookService instance) {
        try {
            instance.stop();
        } catch (RuntimeException e) {
            System.err.println("Could not stop the case service logging to " + instance.logFile() + ": " + e);
        }
    }
}
