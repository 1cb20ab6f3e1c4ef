package casebook.devstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform command ({@code infra/platform}): PostgreSQL, Kafka, Elasticsearch and Keycloak on their usual
 * ports, the Casebook service, demo data, the demo enforcement system ({@link DemoEnforcement}, a stand-in for the
 * marketplace's, answering the service's enforcement orders), and a banner saying where everything is. Ctrl-C stops it all. The data
 * stays in the data folder from one start to the next; demo data is loaded only into an empty platform (its event
 * store holds no event).
 *
 * <pre>
 * Platform [--fresh] [--no-app] [--app-jar PATH]
 *   --fresh        delete the data of earlier starts first: an empty platform (with demo data)
 *   --no-app       only the servers (to run the service from an IDE against them)
 *   --app-jar      the service jar (default services/cases/cases-app/target/cases-app.jar)
 * Environment: CASEBOOK_PG_PORT, CASEBOOK_KAFKA_PORT, CASEBOOK_ES_PORT, CASEBOOK_KEYCLOAK_PORT, CASEBOOK_API_PORT,
 * CASEBOOK_DATA_DIR (default infra/platform-data),
 * CASEBOOK_DEMO_ENFORCEMENT_FAILURES (share of first enforcement attempts the demo enforcement system fails: 0.1)
 * </pre>
 */
public final class Platform {

    private static final String DATABASE = "casebook";
    private static final Duration APP_WATCH = Duration.ofSeconds(2);

    private Platform() {
    }

    public static void main(String[] args) {
        ConsoleLog.defaults();
        Logger log = LoggerFactory.getLogger(Platform.class); // after ConsoleLog.defaults()
        boolean app = true;
        boolean fresh = false;
        Path jar = Path.of("services/cases/cases-app/target/cases-app.jar");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--no-app")) {
                app = false;
            } else if (args[i].equals("--fresh")) {
                fresh = true;
            } else if (args[i].equals("--app-jar") && i + 1 < args.length) {
                jar = Path.of(args[++i]);
            } else {
                System.err.println("usage: infra/platform [--fresh] [--no-app] [--app-jar PATH]");
                System.exit(2);
            }
        }
        DevStackConfig config = DevStackConfig.defaults();
        int apiPort = DevStackConfig.port("CASEBOOK_API_PORT", 8080);
        List<String> taken = takenPorts(config, app ? apiPort : -1);
        if (!taken.isEmpty()) {
            System.err.println("Cannot start the platform:\n  " + String.join("\n  ", taken));
            System.exit(1);
        }
        if (app) {
            try {
                DemoEnforcement.configuredFailureShare();
            } catch (IllegalArgumentException e) {
                System.err.println("Cannot start the platform: " + e.getMessage());
                System.exit(1);
            }
        }
        if (app && !jar.toFile().isFile()) {
            System.err.println(jar.toAbsolutePath() + " is missing: build it with ./mvnw -DskipTests install,"
                    + " or start only the servers with --no-app");
            System.exit(1);
        }

        long started = System.nanoTime();
        log.info("Starting PostgreSQL, Kafka, Elasticsearch and Keycloak ({} in {})",
                fresh ? "deleting the data of earlier starts" : "with the data of earlier starts", config.dataDir());
        Running running = new Running();
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "platform-shutdown"));
        try {
            running.stack = fresh ? DevStack.startEmpty(config) : DevStack.start(config);
            running.storedEvents = storedEvents(running.stack.postgres());
            if (app) {
                running.service = new CasebookService(jar, apiPort, serviceProperties(running.stack, config),
                        config.dataDir().resolve("casebook/casebook.log"));
                running.service.start();
                running.enforcement = DemoEnforcement.forPlatform(running.stack.kafka().bootstrapServers()).start();
                allowConsole(running, log);
                if (running.storedEvents == 0) {
                    List<String> problems = new DemoData(running.service.baseUrl(), running.stack.keycloak()).load();
                    problems.forEach(problem -> log.warn("Demo data: {}", problem));
                    running.demoLoaded = true;
                } else {
                    log.info("The event store holds {} events from earlier starts: no demo data loaded",
                            running.storedEvents);
                }
            }
        } catch (RuntimeException e) {
            log.error("The platform did not start: {}", e.getMessage(), e);
            System.exit(1);
        }
        System.out.println(banner(running, config, (System.nanoTime() - started) / 1_000_000_000));
        watch(running, log);
    }

    /**
     * The servers' properties, and the audit log's signing key and checkpoint files kept with the platform's data
     * (docs/adr/0023): a key lost while the log stays would leave its checkpoints unverifiable.
     */
    private static Map<String, String> serviceProperties(DevStack stack, DevStackConfig config) {
        Map<String, String> properties = new LinkedHashMap<>(stack.springProperties(DATABASE));
        properties.put("casebook.audit.signing-key-file", config.dataDir().resolve("casebook/audit-log.key").toString());
        properties.put("casebook.audit.checkpoint-directory", config.dataDir().resolve("casebook/checkpoints").toString());
        return properties;
    }

    /**
     * The console signs in at Keycloak from the service's origin: make it a redirect URI and web origin of the
     * console's client (needed for another port than 8080). A realm imported before the console existed has no such
     * client: the platform runs all the same, and says how to get it.
     */
    private static void allowConsole(Running running, Logger log) {
        try {
            running.stack.keycloak().allowConsoleAt(running.service.baseUrl());
        } catch (IllegalStateException e) {
            log.warn("Console: {}", e.getMessage());
        }
    }

    /** Waits for Ctrl-C; exits when the service dies on its own. */
    private static void watch(Running running, Logger log) {
        while (true) {
            try {
                Thread.sleep(APP_WATCH.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (running.service != null && !running.service.isRunning()) {
                log.error("The Casebook service exited.\n{}", Processes.tail(running.service.logFile()));
                System.exit(1);
            }
        }
    }

    /**
     * The events in the platform's event store: 0 for an empty platform (no database yet, or no event table yet,
     * or no event in it).
     */
    static long storedEvents(PostgresServer postgres) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
                postgres.password());
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet found = exists.executeQuery()) {
                if (!found.next()) {
                    return 0;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look for database " + DATABASE + " in PostgreSQL", e);
        }
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(),
                postgres.password());
             Statement statement = connection.createStatement();
             ResultSet events = statement.executeQuery("select case when to_regclass('domain_event_entry') is null "
                     + "then 0 else (select count(*) from domain_event_entry) end")) {
            events.next();
            return events.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the events in database " + DATABASE, e);
        }
    }

    private static List<String> takenPorts(DevStackConfig config, int apiPort) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL (CASEBOOK_PG_PORT)", config.postgresPort());
        ports.put("Kafka (CASEBOOK_KAFKA_PORT)", config.kafkaPort());
        ports.put("Elasticsearch (CASEBOOK_ES_PORT)", config.elasticsearchPort());
        ports.put("Keycloak (CASEBOOK_KEYCLOAK_PORT)", config.keycloakPort());
        if (apiPort >= 0) {
            ports.put("Casebook API (CASEBOOK_API_PORT)", apiPort);
        }
        List<String> taken = new ArrayList<>();
        ports.forEach((server, port) -> {
            if (port != 0 && !Ports.isFree(port)) {
                taken.add("port " + port + " for " + server + " is in use: stop what holds it or choose another"
                        + " port with that variable");
            }
        });
        return taken;
    }

    private static String banner(Running running, DevStackConfig config, long seconds) {
        DevStack stack = running.stack;
        KeycloakServer keycloak = stack.keycloak();
        String api = running.service != null ? running.service.baseUrl() : null;
        StringBuilder out = new StringBuilder("\n");
        out.append("Casebook platform is up (").append(seconds).append(" s). Stop it with Ctrl-C.\n\n");
        if (api != null) {
            out.append(row("Console", running.service.consoleUrl() + "   sign in as a demo user below (ana.sea,"
                    + " then lee.sea to approve)"));
            out.append(row("API", api + "   health " + api + "/actuator/health"));
            out.append(row("API log", running.service.logFile().toString()));
            out.append(row("Enforcement", "DEMO stand-in for the marketplace's enforcement systems: answers every"
                    + " order on " + DemoEnforcement.ORDERS_TOPIC + ", fails "
                    + DemoEnforcement.percent(running.enforcement.failureShare()) + " of first attempts ("
                    + DemoEnforcement.FAILURE_SHARE_VARIABLE + "), applies retries"));
        } else {
            out.append(row("API", "not started (--no-app); run the service with the properties below"));
        }
        out.append(row("Keycloak", keycloak.baseUrl() + "   realm " + keycloak.realm()
                + "   issuer " + keycloak.issuerUri()));
        out.append(row("Admin console", keycloak.baseUrl() + "/admin/   " + KeycloakServer.ADMIN + " / "
                + KeycloakServer.ADMIN));
        out.append(row("Kafka", stack.kafka().bootstrapServers()));
        out.append(row("Elasticsearch", stack.elasticsearch().httpUrl()));
        out.append(row("PostgreSQL", stack.postgres().jdbcUrl(DATABASE) + "   user "
                + stack.postgres().username() + " (trust authentication)"));
        out.append(row("Data and logs", config.dataDir() + "   kept between starts; infra/platform --fresh starts empty"));
        out.append(row("Audit log", "checkpoints in " + config.dataDir().resolve("casebook/checkpoints")
                + "   verifier key: GET /api/v1/audit/verifier-key   offline check: docs/verifier.md"));
        out.append(row("Stored events", running.demoLoaded ? "none from earlier starts: demo data loaded"
                : running.storedEvents + " from earlier starts" + (running.service != null ? " (no demo data loaded)" : "")));
        if (api == null) {
            out.append("\nSpring properties for the service:\n");
            serviceProperties(stack, config).forEach((key, value) -> out.append("  --").append(key).append('=')
                    .append(value).append('\n'));
        }
        out.append("""

                Demo users (password = user name)         Systems (client credentials)
                  ana.sea     analyst          SEA          detector-sea / detector-sea-secret   SEA
                  ana.us      analyst          US           detector-us  / detector-us-secret    US
                  lee.sea     lead, analyst    SEA          appeals-sea  / appeals-sea-secret    SEA (seller/creator centre)
                  lee.us      lead, analyst    US           appeals-us   / appeals-us-secret     US  (seller/creator centre)
                  nina.sea    analyst          SEA          (reviews appeals of decisions she took no part in)
                  sam.sea     support          SEA
                  sam.us      support          US
                  lex, lena   legal            all regions (two: disclosures need four eyes)
                  priya       privacy          all regions (erasure requests)
                  audrey      auditor          all regions
                  root.admin  admin            all regions
                """);
        String token = "TOKEN=$(curl -s -d grant_type=password -d client_id=" + KeycloakServer.CLI_CLIENT
                + " -d username=ana.sea -d password=ana.sea \\\n      " + keycloak.tokenUrl()
                + " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')";
        out.append("\nTry it:\n  ").append(token).append('\n');
        out.append("  curl -s -H \"Authorization: Bearer $TOKEN\" '")
                .append(api != null ? api : "http://127.0.0.1:" + DevStackConfig.port("CASEBOOK_API_PORT", 8080))
                .append("/api/v1/cases?signal=dev-a1f3'\n");
        return out.toString();
    }

    private static String row(String name, String value) {
        return String.format("  %-15s %s%n", name, value);
    }

    /** What this command started, stopped in reverse order by the shutdown hook. */
    private static final class Running {
        private volatile DevStack stack;
        private volatile CasebookService service;
        private volatile DemoEnforcement enforcement;
        private volatile long storedEvents;
        private volatile boolean demoLoaded;

        void stop() {
            if (enforcement != null) {
                enforcement.close();
            }
            if (service != null) {
                service.stop();
            }
            if (stack != null) {
                stack.close();
            }
        }
    }
}
