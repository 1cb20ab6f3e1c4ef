package casebook.benchmarks;

import casebook.devstack.ConsoleLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import casebook.devstack.CasebookService;
import casebook.devstack.DevStack;
import casebook.devstack.DevStackConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark run (see docs/benchmarks.md): starts PostgreSQL (fsync on), Kafka, Elasticsearch and Keycloak on
 * free ports with their data in a throw-away folder, measures the raw ceilings of those servers, starts one service
 * instance, warms it up, then measures flag intake, flag-to-searchable latency, search, a case as of an instant and
 * the console's screens in a headless Chromium, and prints each figure as a ratio to its ceiling. Everything it
 * started is stopped, and the folder deleted, when the JVM exits (normally, on failure or on Ctrl-C).
 */
public final class Benchmarks {

    private static final String DATABASE = "casebook";
    /** The analyst's budget is 1,200 requests a minute; the search benchmark alone sends several thousand. */
    private static final Map<String, String> HARNESS_SETTINGS = Map.of("casebook.rate-limit.per-minute", "100000000");
    private static final Map<String, String> DEFAULTS = defaults();
    private static final int AS_OF_REQUESTS = 200;
    private static final int AS_OF_WARMUP = 100;
    private static final int CONSOLE_WARMUP = 3;

    private Benchmarks() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(Settings.USAGE);
            return;
        }
        ConsoleLog.defaults();
        Path root = Path.of(System.getProperty("casebook.root", "")).toAbsolutePath();
        Settings settings;
        try {
            settings = Settings.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + Settings.USAGE);
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(Benchmarks.class);
        if (!Files.isRegularFile(settings.serviceJar())) {
            System.err.println(settings.serviceJar() + " is missing: build it with ./mvnw -DskipTests install");
            System.exit(1);
        }
        Path data;
        try {
            data = Files.createTempDirectory("casebook-benchmarks-");
            // PostgreSQL and Elasticsearch run as the unprivileged service user: it must reach its folders
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            System.err.println("cannot create a data folder: " + e);
            System.exit(1);
            return;
        }
        Cleanup cleanup = new Cleanup(data, settings.keepData());
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup::run, "benchmarks-cleanup"));
        int status;
        try {
            run(settings, root, data, cleanup, log);
            status = 0;
        } catch (Throwable e) {
            if (cleanup.started()) {
                log.warn("Stopped: {}", e.toString()); // Ctrl-C or SIGTERM: the shutdown hook stops everything
                return;
            }
            log.error("The benchmark failed: {}", e.toString(), e);
            if (cleanup.service != null) {
                System.err.println(tail(cleanup.service.logFile(), 80));
            }
            status = 1;
        }
        System.exit(status); // the shutdown hook stops the servers and deletes the data folder
    }

    private static void run(Settings settings, Path root, Path data, Cleanup cleanup, Logger log) throws Exception {
        long runStarted = System.nanoTime();
        awaitQuiet(data, settings.waitQuietSeconds(), log);
        Machine.Description machine = Machine.describe(root);
        log.info("Load average before the run: {} (other work on this machine disturbs the figures)",
                machine.loadAverage());
        log.info("Starting PostgreSQL (fsync on), Kafka, Elasticsearch and Keycloak in {}", data);
        cleanup.stack = DevStack.start(new DevStackConfig(0, 0, 0, 0, data));
        DevStack stack = cleanup.stack;
        Map<String, Machine.CpuUse> cpu = new LinkedHashMap<>();

        try (Http http = new Http()) {
            String esUrl = stack.elasticsearch().httpUrl();
            Machine.CpuSnapshot before = Machine.CpuSnapshot.now(data);
            log.info("Raw ceiling: PostgreSQL single-row commits for {} s", settings.postgresSeconds());
            RawCeilings.CommitRate postgres = RawCeilings.postgresSingleRowCommits(stack.postgres(),
                    Duration.ofSeconds(settings.postgresSeconds()));
            log.info("Raw ceiling: {} commits/s", Report.number(postgres.perSecond()));
            int visibilityPerSecond = 10;
            RawCeilings.Visibility visibility = RawCeilings.elasticsearchVisibility(http, esUrl,
                    100, visibilityPerSecond, settings.pollMillis());
            log.info("Raw floor: Elasticsearch write -> searchable p50 {}, p99 {}",
                    Report.millis(visibility.latencies().millis(0.5)), Report.millis(visibility.latencies().millis(0.99)));
            cpu.put("raw ceilings", cores(before, data));

            Map<String, String> properties = new LinkedHashMap<>(stack.springProperties(DATABASE));
            properties.putAll(HARNESS_SETTINGS);
            properties.putAll(settings.serviceProperties());
            Map<String, String> shown = new LinkedHashMap<>();
            DEFAULTS.forEach((key, value) -> shown.put(key, settings.serviceProperties().getOrDefault(key,
                    value + " (default)")));
            HARNESS_SETTINGS.forEach((key, value) -> shown.put(key, value + " (so the analyst's searches are not "
                    + "throttled; the filter still runs)"));
            // a copy: a build elsewhere on this machine may rewrite the jar while the service runs from it
            Path jar = Files.createDirectories(data.resolve("service")).resolve("cases-app.jar");
            Files.copy(settings.serviceJar(), jar, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            String jarIdentity = Machine.fileIdentity(settings.serviceJar(), jar);
            cleanup.service = new CasebookService(jar, 0, properties, data.resolve("service/cases-app.log"))
                    .javaOptions(settings.serviceJavaOptions());
            cleanup.service.start();

            try (Casebook casebook = new Casebook(http, cleanup.service.baseUrl(), esUrl,
                    stack.postgres().jdbcUrl(DATABASE), stack.postgres().username(), stack.postgres().password(),
                    () -> stack.keycloak().passwordToken(Casebook.USER, Casebook.USER))) {
                FlagBenchmarks flags = new FlagBenchmarks(casebook, stack.kafka().bootstrapServers());

                before = Machine.CpuSnapshot.now(data);
                SearchBenchmark search = new SearchBenchmark(casebook, settings.searchThreads(),
                        settings.searchPageSize());
                Warmup.Result warmup = new Warmup(settings, flags, search, data).run();
                cpu.put("warm-up", cores(before, data));

                before = Machine.CpuSnapshot.now(data);
                int intakeFlags = settings.intakeFlags(warmup.lastIntake().flagsPerSecond());
                int intakeSubjects = settings.intakeSubjects(intakeFlags);
                FlagBenchmarks.Intake intake = flags.intake("p1", intakeFlags, intakeSubjects);
                cpu.put("intake", cores(before, data));
                log.info("Intake: {} flags/s ({}x the raw commit ceiling)", Report.number(intake.flagsPerSecond()),
                        String.format("%.2f", intake.flagsPerSecond() / postgres.perSecond()));

                before = Machine.CpuSnapshot.now(data);
                FlagBenchmarks.Latency latency = flags.latency("p2",
                        intake.flagsPerSecond() * settings.latencyRateFraction(), settings.latencySeconds(),
                        settings.latencySamplesPerSecond(), settings.pollMillis());
                cpu.put("latency", cores(before, data));

                before = Machine.CpuSnapshot.now(data);
                List<String> rings = Flags.seaRings(Flags.pool("p1", intakeSubjects));
                SearchBenchmark.Result searchResult = search.run(rings, settings.searchRequests(),
                        Report.warmupRequests(settings));
                cpu.put("search", cores(before, data));

                before = Machine.CpuSnapshot.now(data);
                log.info("As of an instant: a case of {} events", AsOfBenchmark.EVENTS);
                AsOfBenchmark.Result asOf = new AsOfBenchmark(casebook, flags)
                        .run(AS_OF_REQUESTS, AS_OF_WARMUP);
                cpu.put("as-of", cores(before, data));

                before = Machine.CpuSnapshot.now(data);
                log.info("Raw ceiling: Elasticsearch re-indexing the case documents for 10 s");
                RawCeilings.IndexingRate indexing = RawCeilings.elasticsearchIndexing(http, esUrl, Casebook.ALIAS,
                        Duration.ofSeconds(10), Integer.parseInt(setting(settings, "casebook.search.segments")),
                        Integer.parseInt(setting(settings, "casebook.search.batch-size")));
                cpu.put("indexing ceiling", cores(before, data));
                log.info("Raw ceiling: {} case documents/s", Report.number(indexing.perSecond()));

                ConsoleBenchmark.Result console = null;
                if (settings.console()) { // last: its open cases and its Chromium change nothing measured before
                    log.info("The console: the queue and a case of {} flags in a headless Chromium, {} open cases",
                            ConsoleBenchmark.CASE_FLAGS, Report.number(ConsoleBenchmark.OPEN_CASES));
                    stack.keycloak().allowConsoleAt(cleanup.service.baseUrl());
                    console = new ConsoleBenchmark(casebook, flags, cleanup.service.consoleUrl(), data)
                            .run(settings.consoleLoads(), CONSOLE_WARMUP);
                    cpu.put("console (measured rounds)", console.cpu());
                }

                Report report = new Report(new Report.Results(settings, machine, command(settings), jarIdentity, shown,
                        postgres, visibility, visibilityPerSecond, warmup, intake, latency, searchResult, indexing, asOf,
                        console, cpu,
                        (System.nanoTime() - runStarted) / 1e9, Machine.loadAverage()));
                System.out.println(report.console());
                if (settings.record() != null) {
                    report.append(settings.record(), Intro.TEXT);
                    System.out.println("Appended to " + settings.record());
                }
            }
        }
    }

    /** Other processes' CPU use over a few seconds; waits up to {@code seconds} for it to drop below 0.3 cores. */
    private static void awaitQuiet(Path data, int seconds, Logger log) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (true) {
            Machine.CpuSnapshot before = Machine.CpuSnapshot.now(data);
            Thread.sleep(3_000);
            double others = Machine.CpuSnapshot.now(data).coresSince(before).get("other processes");
            if (others < 0.3) {
                log.info("Other processes use {} cores: quiet enough", String.format("%.2f", others));
                return;
            }
            if (System.nanoTime() > deadline) {
                log.warn("Other processes use {} cores of this machine: the figures will be disturbed (see the CPU "
                        + "line of the results)", String.format("%.2f", others));
                return;
            }
            log.info("Other processes use {} cores; waiting for a quieter moment", String.format("%.2f", others));
        }
    }

    /** A service setting as this run sets it: given with --set, or the service's default. */
    private static String setting(Settings settings, String key) {
        return settings.serviceProperties().getOrDefault(key, DEFAULTS.get(key));
    }

    private static Machine.CpuUse cores(Machine.CpuSnapshot before, Path data) {
        return Machine.CpuSnapshot.now(data).useSince(before);
    }

    private static String command(Settings settings) {
        String given = System.getenv("CASEBOOK_BENCHMARKS_COMMAND");
        if (given != null && !given.isBlank()) {
            return given;
        }
        return "java -cp ... casebook.benchmarks.Benchmarks " + String.join(" ", settings.arguments());
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("casebook.flags.consumers", "2");
        defaults.put("spring.kafka.consumer.max-poll-records", "200");
        defaults.put("spring.kafka.consumer.fetch-max-wait", "200ms");
        defaults.put("casebook.search.batch-size", "200");
        defaults.put("casebook.search.segments", "2");
        return defaults;
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return "--- last lines of " + file + " ---\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no service log at " + file + ")";
        }
    }

    /** What this run started, stopped in reverse order exactly once: at the end, on failure or on Ctrl-C. */
    static final class Cleanup {
        private static final Duration GRACE = Duration.ofSeconds(15);

        private final Path data;
        private final boolean keep;
        volatile DevStack stack;
        volatile CasebookService service;
        private volatile boolean done;

        Cleanup(Path data, boolean keep) {
            this.data = data;
            this.keep = keep;
        }

        boolean started() {
            return done;
        }

        synchronized void run() {
            if (done) {
                return;
            }
            done = true;
            try {
                if (service != null) {
                    service.stop();
                }
            } catch (RuntimeException e) {
                System.err.println("could not stop the service: " + e);
            }
            try {
                if (stack != null) {
                    stack.close();
                }
            } catch (RuntimeException e) {
                System.err.println("could not stop the dev stack: " + e);
            }
            stopStrays();
            if (keep) {
                System.err.println("Data and logs kept in " + data);
            } else {
                delete(data);
            }
        }

        /**
         * Servers whose command line names our data folder but that the stack did not stop (a Ctrl-C during the
         * stack's start, a failed stop): stopped by process id, forcibly after a grace period.
         */
        private void stopStrays() {
            String folder = data.toString();
            long self = ProcessHandle.current().pid();
            List<ProcessHandle> strays = ProcessHandle.allProcesses()
                    .filter(process -> process.pid() != self)
                    .filter(process -> process.info().commandLine().map(line -> line.contains(folder)).orElse(false))
                    .toList();
            if (strays.isEmpty()) {
                return;
            }
            System.err.println("Stopping " + strays.size() + " leftover server processes: "
                    + strays.stream().map(ProcessHandle::pid).toList());
            strays.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + GRACE.toNanos();
            for (ProcessHandle stray : strays) {
                while (stray.isAlive() && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                if (stray.isAlive()) {
                    stray.destroyForcibly();
                }
            }
        }

        private static void delete(Path folder) {
            if (!Files.exists(folder)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                System.err.println("could not delete " + folder + ": " + e);
            }
        }
    }
}
