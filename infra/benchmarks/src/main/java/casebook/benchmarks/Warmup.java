package casebook.benchmarks;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the service, the servers and this JVM to their steady state before anything is measured. Every JVM here
 * starts cold, and on 2 cores its JIT compilers take minutes to compile what a workload runs: measured too early,
 * a third of the machine goes to compiling (about 0.6 cores during intake in the runs of 1 Dec 2026) and the
 * figures describe a JVM that production never sees after its first minutes. A round does what the measured phases
 * do - a burst of flags, a steady stream tracked until searchable, API searches - and rounds follow one another
 * until the JIT compilers of all of this run's JVMs together use less than a threshold during a round, or the time
 * is up. What they still use in each measured phase is reported.
 */
final class Warmup {

    private static final Logger log = LoggerFactory.getLogger(Warmup.class);
    /** How long each round's steady stream lasts. */
    static final int STEADY_SECONDS = 15;

    record Result(int rounds, double seconds, FlagBenchmarks.Intake lastIntake, Machine.CpuUse lastRound,
                  boolean jitQuiet) {

        static Result none() {
            return new Result(0, 0, new FlagBenchmarks.Intake(0, 0, 0, 1, 1, new Casebook.Counters(0, 0, 0, 0)),
                    null, false);
        }
    }

    private final Settings settings;
    private final FlagBenchmarks flags;
    private final SearchBenchmark search;
    private final Path data;

    Warmup(Settings settings, FlagBenchmarks flags, SearchBenchmark search, Path data) {
        this.settings = settings;
        this.flags = flags;
        this.search = search;
        this.data = data;
    }

    Result run() throws Exception {
        if (settings.warmupFlags() == 0) {
            return Result.none();
        }
        long started = System.nanoTime();
        int round = 0;
        while (true) {
            round++;
            String prefix = "w" + round;
            Machine.CpuSnapshot before = Machine.CpuSnapshot.now(data);
            int subjects = Math.max(1, settings.warmupFlags() / 5);
            FlagBenchmarks.Intake intake = flags.intake(prefix, settings.warmupFlags(), subjects);
            flags.latency(prefix + "s", intake.flagsPerSecond() * settings.latencyRateFraction(), STEADY_SECONDS,
                    settings.latencySamplesPerSecond(), settings.pollMillis());
            search.warmUp(Flags.seaRings(Flags.pool(prefix, subjects)), Report.warmupRequests(settings));
            Machine.CpuUse use = Machine.CpuSnapshot.now(data).useSince(before);
            double seconds = (System.nanoTime() - started) / 1e9;
            boolean quiet = use.jitTotal() < settings.warmupJitCores();
            log.info("Warm-up round {}: {} flags/s; JIT compilers used {} cores ({}){}", round,
                    Report.number(intake.flagsPerSecond()), String.format("%.2f", use.jitTotal()), use.jitSummary(),
                    quiet ? ": steady enough" : "");
            if (quiet || seconds >= settings.warmupMaxSeconds()) {
                return new Result(round, seconds, intake, use, quiet);
            }
        }
    }
}
