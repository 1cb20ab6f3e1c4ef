package casebook.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one benchmark run does; every value has a default sized to keep the run under ~10 minutes. */
record Settings(
        int warmupFlags,
        int warmupMaxSeconds,
        double warmupJitCores,
        int intakeFlags,
        int intakeSubjects,
        double latencyRateFraction,
        int latencySeconds,
        int latencySamplesPerSecond,
        int pollMillis,
        int searchRequests,
        int searchThreads,
        int searchPageSize,
        int postgresSeconds,
        Path serviceJar,
        Map<String, String> serviceProperties,
        List<String> serviceJavaOptions,
        Path record,
        boolean keepData,
        int waitQuietSeconds,
        boolean console,
        int consoleLoads,
        List<String> arguments) {

    /** The service settings the brief allows to experiment with (anything else is refused, to keep runs comparable). */
    static final Set<String> TUNABLE = Set.of("casebook.flags.consumers", "spring.kafka.consumer.max-poll-records",
            "spring.kafka.consumer.fetch-max-wait", "casebook.search.batch-size", "casebook.search.segments",
            "casebook.audit.seal-every", "casebook.audit.checkpoint-every");

    static final String USAGE = """
            usage: infra/benchmarks/run [options]
              --warmup-flags N          flags of each warm-up round, sent as fast as possible (default 15000;
                                        0: no warm-up); then 15 s of flags at half that rate, tracked until
                                        searchable, and API searches: what the measured phases do
              --warmup-max-seconds N    warm-up rounds follow one another until the JIT compilers of the service
              --warmup-jit-cores F      and the servers use less than F cores together during a round (default
                                        0.2), or for at most N s (default 300)
              --flags N                 flags of the intake benchmark (default: about 45 s of intake at the
                                        warm-up rate, at least 10000, at most 60000)
              --subjects N              subjects they are spread over (default: flags / 5, ~5 flags per case)
              --rate-fraction F         latency benchmark rate, as a fraction of the measured intake (default 0.5)
              --latency-seconds N       how long flags are produced at that rate (default 30)
              --samples-per-second N    flags with a unique device id, tracked until searchable (default 10)
              --poll-ms N               how often the tracked flags are looked for (default 25)
              --search-requests N       measured requests per search target (default 2000)
              --search-threads N        concurrent searchers (default 2)
              --pg-seconds N            duration of the raw PostgreSQL commit ceiling (default 10)
              --set KEY=VALUE           a service setting: casebook.flags.consumers,
                                        spring.kafka.consumer.max-poll-records,
                                        spring.kafka.consumer.fetch-max-wait, casebook.search.batch-size,
                                        casebook.search.segments, casebook.audit.seal-every,
                                        casebook.audit.checkpoint-every (PT24H: the audit log off)
              --jar PATH                service jar (default services/cases/cases-app/target/cases-app.jar)
              --record FILE             markdown file the results are appended to (default docs/benchmarks.md)
              --no-record               print only
              --service-java-option O   a JVM option for the service, e.g. a profiler's (repeatable)
              --keep-data               keep the servers' data folder and logs (default: deleted at exit)
              --wait-quiet N            first wait up to N s until other processes use < 0.3 cores (default 0)
              --console-loads N         page loads of each console screen in a headless Chromium (default 20,
                                        after 3 unmeasured ones)
              --no-console              skip the console (benchmark 6: no Chromium needed, ~2 minutes less)
            """;

    static Settings parse(String[] args, Path root) {
        int warmupFlags = 15_000;
        int warmupMaxSeconds = 300;
        double warmupJitCores = 0.2;
        int intakeFlags = 0; // auto
        int intakeSubjects = 0; // flags / 5
        double rateFraction = 0.5;
        int latencySeconds = 30;
        int samplesPerSecond = 10;
        int pollMillis = 25;
        int searchRequests = 2_000;
        int searchThreads = 2;
        int postgresSeconds = 10;
        Path jar = root.resolve("services/cases/cases-app/target/cases-app.jar");
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> javaOptions = new ArrayList<>();
        Path record = root.resolve("docs/benchmarks.md");
        boolean keepData = false;
        int waitQuiet = 0;
        boolean console = true;
        int consoleLoads = 20;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--warmup-flags" -> warmupFlags = positive(arg, args, ++i, true);
                case "--warmup-max-seconds" -> warmupMaxSeconds = positive(arg, args, ++i, true);
                case "--warmup-jit-cores" -> {
                    warmupJitCores = Double.parseDouble(value(arg, args, ++i));
                    if (!(warmupJitCores >= 0)) {
                        throw new IllegalArgumentException("--warmup-jit-cores must be 0 or more");
                    }
                }
                case "--flags" -> intakeFlags = positive(arg, args, ++i, false);
                case "--subjects" -> intakeSubjects = positive(arg, args, ++i, false);
                case "--rate-fraction" -> {
                    rateFraction = Double.parseDouble(value(arg, args, ++i));
                    if (!(rateFraction > 0 && rateFraction <= 1)) {
                        throw new IllegalArgumentException("--rate-fraction must be in (0, 1]");
                    }
                }
                case "--latency-seconds" -> latencySeconds = positive(arg, args, ++i, false);
                case "--samples-per-second" -> samplesPerSecond = positive(arg, args, ++i, false);
                case "--poll-ms" -> pollMillis = positive(arg, args, ++i, false);
                case "--search-requests" -> searchRequests = positive(arg, args, ++i, false);
                case "--search-threads" -> searchThreads = positive(arg, args, ++i, false);
                case "--pg-seconds" -> postgresSeconds = positive(arg, args, ++i, false);
                case "--jar" -> jar = Path.of(value(arg, args, ++i));
                case "--record" -> record = Path.of(value(arg, args, ++i));
                case "--no-record" -> record = null;
                case "--keep-data" -> keepData = true;
                case "--service-java-option" -> javaOptions.add(value(arg, args, ++i));
                case "--wait-quiet" -> waitQuiet = positive(arg, args, ++i, true);
                case "--no-console" -> console = false;
                case "--console-loads" -> consoleLoads = positive(arg, args, ++i, false);
                case "--set" -> {
                    String setting = value(arg, args, ++i);
                    int eq = setting.indexOf('=');
                    if (eq < 1 || !TUNABLE.contains(setting.substring(0, eq))) {
                        throw new IllegalArgumentException("--set takes KEY=VALUE with KEY one of " + TUNABLE
                                + ": " + setting);
                    }
                    properties.put(setting.substring(0, eq), setting.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new Settings(warmupFlags, warmupMaxSeconds, warmupJitCores, intakeFlags, intakeSubjects, rateFraction,
                latencySeconds, samplesPerSecond, pollMillis, searchRequests, searchThreads, 20, postgresSeconds, jar,
                properties, List.copyOf(javaOptions), record, keepData, waitQuiet, console, consoleLoads,
                List.copyOf(List.of(args)));
    }

    /** The intake size: as given, or about 45 s at the warm-up rate, between 10,000 and 60,000 flags. */
    int intakeFlags(double warmupRate) {
        if (intakeFlags > 0) {
            return intakeFlags;
        }
        long auto = Math.round(warmupRate * 45 / 1_000) * 1_000;
        return (int) Math.max(10_000, Math.min(60_000, auto));
    }

    int intakeSubjects(int flags) {
        return intakeSubjects > 0 ? intakeSubjects : Math.max(1, flags / 5);
    }

    private static String value(String option, String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int positive(String option, String[] args, int index, boolean zeroAllowed) {
        int value = Integer.parseInt(value(option, args, index).replace("_", ""));
        if (value < (zeroAllowed ? 0 : 1)) {
            throw new IllegalArgumentException(option + " must be " + (zeroAllowed ? "0 or more" : "1 or more"));
        }
        return value;
    }
}
