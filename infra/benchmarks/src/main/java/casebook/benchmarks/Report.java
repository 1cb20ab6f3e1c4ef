package casebook.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import casebook.benchmarks.SearchBenchmark.Target;

/** The results of one run: a table on the console, and the same appended to docs/benchmarks.md. */
final class Report {

    static final double INTAKE_GOAL = 3.0;
    static final double LATENCY_P99_GOAL_MS = 2_000;
    static final double SEARCH_P95_GOAL = 1.3;
    static final double AS_OF_P95_GOAL_MS = 50;
    static final double CONSOLE_P95_GOAL_MS = 1_000;

    private static final double NEVER = 1e12; // ms: a sample that was never found

    record Results(Settings settings, Machine.Description machine, String command, String serviceJar,
                   Map<String, String> serviceSettings,
                   RawCeilings.CommitRate postgres, RawCeilings.Visibility esVisibility, int visibilityPerSecond,
                   Warmup.Result warmup, FlagBenchmarks.Intake intake, FlagBenchmarks.Latency latency,
                   SearchBenchmark.Result search, RawCeilings.IndexingRate esIndexing, AsOfBenchmark.Result asOf,
                   ConsoleBenchmark.Result console,
                   Map<String, Machine.CpuUse> cpuByPhase, double totalSeconds,
                   String loadAverageAtEnd) {
    }

    record Row(String number, String measure, String casebook, String ceiling, String ratio, String goal,
               String met) {
    }

    private final Results r;

    Report(Results results) {
        this.r = results;
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        double intake = r.intake().flagsPerSecond();
        double commits = r.postgres().perSecond();
        double intakeRatio = intake / commits;
        rows.add(new Row("1", "Sustained flag intake over Kafka (durable in the event store)",
                number(intake) + " flags/s",
                number(commits) + " commits/s (PostgreSQL, 1 client, 1 row per commit)",
                ratio(intakeRatio), "≥ 3x", yes(intakeRatio >= INTAKE_GOAL)));
        Samples flagLatency = r.latency().apiLatencies();
        Samples floor = r.esVisibility().latencies();
        double p50 = flagLatency.millis(0.50);
        double p99 = flagLatency.millis(0.99);
        rows.add(new Row("2", "Flag → searchable through the API at " + number(r.latency().targetRate())
                + " flags/s, p50", millis(p50),
                millis(floor.millis(0.50)) + " (Elasticsearch alone: write → searchable)",
                ratio(p50, floor.millis(0.50)), "", ""));
        rows.add(new Row("2", "Flag → searchable through the API, p99", millis(p99),
                millis(floor.millis(0.99)) + " (Elasticsearch alone: write → searchable)",
                ratio(p99, floor.millis(0.99)), "p99 < 2 s", yes(p99 < LATENCY_P99_GOAL_MS)));
        Samples api = r.search().latencies().get(Target.API);
        Samples term = r.search().latencies().get(Target.ES_TERM);
        Samples same = r.search().latencies().get(Target.ES_SERVICE_QUERY);
        rows.add(new Row("3", "Signal search, API, p50", millis(api.millis(0.50)),
                millis(term.millis(0.50)) + " (Elasticsearch: term query + region filter, same page size)",
                ratio(api.millis(0.50), term.millis(0.50)), "", ""));
        double searchRatio = api.millis(0.95) / term.millis(0.95);
        rows.add(new Row("3", "Signal search, API, p95", millis(api.millis(0.95)),
                millis(term.millis(0.95)) + " (Elasticsearch: term query + region filter, same page size)",
                ratio(searchRatio), "≤ 1.3x", yes(searchRatio <= SEARCH_P95_GOAL)));
        rows.add(new Row("3", "  of which Elasticsearch, the service's own query, p95",
                millis(same.millis(0.95)), millis(term.millis(0.95)) + " (same term query)",
                ratio(same.millis(0.95), term.millis(0.95)), "", ""));
        double projection = projectionDocumentsPerSecond();
        rows.add(new Row("4", "Case documents indexed by the projection during intake", number(projection) + " docs/s",
                number(r.esIndexing().perSecond()) + " docs/s (Elasticsearch, the same documents, bulks of "
                        + r.esIndexing().bulkSize() + " from " + clients(r.esIndexing().clients()) + ")",
                ratio(projection, r.esIndexing().perSecond()), "", ""));
        Samples asOf = r.asOf().api();
        Samples eventRows = r.asOf().rows();
        rows.add(new Row("5", "A case as of an instant, " + number(r.asOf().events()) + " events, API p95",
                millis(asOf.millis(0.95)), millis(eventRows.millis(0.95)) + " (PostgreSQL: the case's event rows over "
                        + "JDBC)", ratio(asOf.millis(0.95), eventRows.millis(0.95)), "p95 < 50 ms",
                yes(asOf.millis(0.95) < AS_OF_P95_GOAL_MS)));
        ConsoleBenchmark.Result console = r.console();
        if (console != null) {
            Samples queue = console.queue().pageLoads();
            rows.add(new Row("6", "Console: the queue usable in Chromium (" + number(console.openCases())
                    + " open cases), page load, p95", millis(queue.millis(0.95)),
                    millis(console.apiQueue().millis(0.95)) + " (API: GET /api/v1/queue, timed directly)",
                    ratio(queue.millis(0.95), console.apiQueue().millis(0.95)), "p95 < 1 s",
                    yes(queue.millis(0.95) < CONSOLE_P95_GOAL_MS)));
            Samples page = console.casePage().pageLoads();
            rows.add(new Row("6", "Console: a case page of " + number(console.events()) + " events usable, page load, "
                    + "p95", millis(page.millis(0.95)), millis(console.apiCaseScreen().millis(0.95))
                    + " (API: the case, then its history and related cases, timed directly)",
                    ratio(page.millis(0.95), console.apiCaseScreen().millis(0.95)), "p95 < 1 s",
                    yes(page.millis(0.95) < CONSOLE_P95_GOAL_MS)));
        }
        return rows;
    }

    /** Further figures that explain the main ones. */
    List<String> details() {
        List<String> lines = new ArrayList<>();
        var intake = r.intake();
        lines.add(String.format(Locale.ROOT, "Intake: %s flags over %s subjects (~%.1f flags per case), all sent and "
                        + "acknowledged by Kafka in %.1f s, all durable %.1f s after the first send, all indexed in "
                        + "Elasticsearch %.1f s after it.",
                number(intake.flags()), number(intake.subjects()), intake.flags() / (double) intake.subjects(),
                intake.produceSeconds(), intake.durableSeconds(), intake.indexedSeconds()));
        lines.add(warmup());
        var work = intake.work();
        lines.add(String.format(Locale.ROOT, "Intake work (PostgreSQL statistics, approximate): %s transactions "
                        + "committed in the service's database (intake batches, projection token updates, ...), %s "
                        + "events written (%.2f per flag), %s event rows read back (%.2f per flag: aggregates loaded "
                        + "to decide, and the projection's reads); %s documents written to the case index (%.2f per "
                        + "flag).",
                number(work.commits()),
                number(work.eventsWritten()), work.eventsWritten() / (double) intake.flags(),
                number(work.eventsRead()), work.eventsRead() / (double) intake.flags(),
                number(work.indexOperations()), work.indexOperations() / (double) intake.flags()));
        lines.add(String.format(Locale.ROOT, "PostgreSQL ceiling: %s single-row autocommit INSERTs (~700-byte rows) "
                        + "in %.1f s from 1 JDBC client, fsync on, on the event store's server.",
                number(r.postgres().rows()), r.postgres().seconds()));
        var latency = r.latency();
        Samples s = latency.apiLatencies();
        Samples in = latency.indexLatencies();
        Samples durable = latency.durableLatencies();
        lines.add(String.format(Locale.ROOT, "Latency: %s flags at %s flags/s asked (%s produced) for %d s over %s "
                        + "subjects; %d of them tracked (unique device id, region SEA). Found through the API: p50 %s, "
                        + "p90 %s, p99 %s, max %s; in the index (one terms search for all pending every %d ms): p50 "
                        + "%s, p99 %s; durable in the event store (looked up alongside): p50 %s, p99 %s. %d not found within 30 s after the last send. Backlog drained %.2f s after "
                        + "the last send. Tracking sent %s index searches and %s API searches (%.0f/s), %d failed%s.",
                number(latency.flags()), number(latency.targetRate()), number(latency.producedRate()),
                r.settings().latencySeconds(), number(latency.subjects()), latency.samples(), millis(s.millis(0.5)),
                millis(s.millis(0.9)), millis(s.millis(0.99)), millis(s.maxMillis()), r.settings().pollMillis(),
                millis(in.millis(0.5)), millis(in.millis(0.99)), millis(durable.millis(0.5)),
                millis(durable.millis(0.99)), latency.unresolved(), latency.drainSeconds(),
                number(latency.indexSearches()), number(latency.apiSearches()), latency.searchesPerSecond(),
                latency.searchErrors(),
                latency.lastSearchError() == null ? "" : " (last: " + latency.lastSearchError() + ")"));
        Samples f = r.esVisibility().latencies();
        lines.add(String.format(Locale.ROOT, "Elasticsearch floor: %d single documents (%d/s) into a scratch index "
                        + "with the case index's settings (refresh every 500 ms), looked for like the flags every %d ms: p50 "
                        + "%s, p99 %s, max %s; %d not found.", f.size(), r.visibilityPerSecond(),
                r.settings().pollMillis(), millis(f.millis(0.5)), millis(f.millis(0.99)), millis(f.maxMillis()),
                r.esVisibility().unresolved()));
        var search = r.search();
        StringBuilder searchLine = new StringBuilder(String.format(Locale.ROOT, "Search: %s measured requests per "
                        + "target from %d threads (closed loop, after %d warm-up requests each, targets taking turns "
                        + "in 4 rounds), over %d ring device ids of region SEA matching %.1f cases each on average "
                        + "(page size %d):",
                number(r.settings().searchRequests()), r.settings().searchThreads(), warmupRequests(r.settings()),
                search.signals(), search.meanHits(), r.settings().searchPageSize()));
        for (Target target : Target.values()) {
            Samples t = search.latencies().get(target);
            searchLine.append(String.format(Locale.ROOT, " %s p50 %s / p95 %s / p99 %s (%s req/s);", target.label,
                    millis(t.millis(0.5)), millis(t.millis(0.95)), millis(t.millis(0.99)),
                    number(search.requestsPerSecond().get(target))));
        }
        lines.add(searchLine.substring(0, searchLine.length() - 1) + ".");
        var indexing = r.esIndexing();
        lines.add(String.format(Locale.ROOT, "Elasticsearch indexing ceiling: %s writes of %s case documents read back "
                        + "from the index after the search phase (external versions, %s, bulks of %d, the case "
                        + "index's mapping and settings) in %.1f s: %s docs/s, %s of Elasticsearch's CPU per document "
                        + "(during intake: %s per document the projection wrote).",
                number(indexing.documents()), number(indexing.distinct()), clients(indexing.clients()), indexing.bulkSize(),
                indexing.seconds(), number(indexing.perSecond()),
                cpuPerDocument("indexing ceiling", indexing.perSecond()),
                cpuPerDocument("intake", projectionDocumentsPerSecond())));
        var asOf = r.asOf();
        lines.add(String.format(Locale.ROOT, "As of an instant: one subject flagged %s times over Kafka, so one case "
                        + "of %s events; GET /api/v1/cases/{id}/history?asOf= at an instant after its last event "
                        + "(every event read from the event store and folded), %s requests from 1 client after %d "
                        + "warm-up requests, taking turns with the JDBC read: API p50 %s / p95 %s / p99 %s / max %s; "
                        + "the event rows over JDBC p50 %s / p95 %s.",
                number(AsOfBenchmark.EVENTS), number(asOf.events()), number(asOf.api().size()), asOf.warmup(),
                millis(asOf.api().millis(0.5)), millis(asOf.api().millis(0.95)), millis(asOf.api().millis(0.99)),
                millis(asOf.api().maxMillis()), millis(asOf.rows().millis(0.5)), millis(asOf.rows().millis(0.95))));
        lines.addAll(consoleDetails());
        StringBuilder cpu = new StringBuilder("CPU, in cores used on average (of " + r.machine().cpus() + "):");
        r.cpuByPhase().forEach((phase, use) -> {
            cpu.append(' ').append(phase).append(" —");
            use.cores().forEach((group, used) -> {
                cpu.append(String.format(Locale.ROOT, " %s %.2f", group, used));
                double jit = use.jit().getOrDefault(group, 0.0);
                if (jit >= 0.005) {
                    cpu.append(String.format(Locale.ROOT, " (JIT %.2f)", jit));
                }
                cpu.append(',');
            });
            cpu.setCharAt(cpu.length() - 1, ';');
        });
        cpu.append(" load average at start ").append(r.machine().loadAverage()).append(", at end ")
                .append(r.loadAverageAtEnd()).append('.');
        lines.add(cpu.toString());
        lines.add(String.format(Locale.ROOT, "Whole run: %.0f s.", r.totalSeconds()));
        return lines;
    }

    /** Benchmark 6: how the screens were measured, each screen's split, and the API calls timed directly. */
    private List<String> consoleDetails() {
        ConsoleBenchmark.Result c = r.console();
        if (c == null) {
            return List.of("Console: not measured (--no-console).");
        }
        String opened = c.openedForIt() == 0 ? "all of them opened by the earlier phases"
                : number(c.openCasesFound()) + " after the earlier phases, " + number(c.openedForIt())
                  + " more opened for it with one flag each";
        String setup = String.format(Locale.ROOT, "Console: %s open cases in region SEA, counted by the queue "
                        + "(GET /api/v1/queue, total; %s); case %s: one subject flagged %s times over Kafka, %s "
                        + "events. A headless Chromium (Debian's, through chromedriver) signed in as %s on Keycloak's login "
                        + "page, then %d rounds after %d unmeasured ones, each: the queue and the case page opened by "
                        + "URL (a new document: the console's page and script, its settings, keycloak-js's silent "
                        + "sign-in through Keycloak and the code exchange, then the screen's API calls), each reached "
                        + "from the other inside the console (a route change, as a link makes), then %d times the "
                        + "screens' API calls timed directly. Usable: the queue's table with its rows (%d) and its "
                        + "counts per status, the case's timeline with all its events, after the next frame.",
                number(c.openCases()), opened, c.caseId(), number(ConsoleBenchmark.CASE_FLAGS), number(c.events()),
                Casebook.USER, c.loads(), c.warmup(), ConsoleBenchmark.API_ROUNDS_PER_LOAD, c.queueRows());
        String screens = "Console screens: " + screen("queue", c.queue()) + "; " + screen("case page", c.casePage())
                + ".";
        String api = String.format(Locale.ROOT, "Console's API calls timed directly (1 client, %d rounds after %d "
                        + "unmeasured): GET /api/v1/queue p50 %s / p95 %s; GET /api/v1/cases/{id} p50 %s / p95 %s; its "
                        + "history p50 %s / p95 %s; its related cases p50 %s / p95 %s; the case, then history and "
                        + "related together (what the case page waits for) p50 %s / p95 %s.",
                c.apiQueue().size(), c.warmup() * ConsoleBenchmark.API_ROUNDS_PER_LOAD,
                millis(c.apiQueue().millis(0.5)), millis(c.apiQueue().millis(0.95)),
                millis(c.apiCase().millis(0.5)), millis(c.apiCase().millis(0.95)),
                millis(c.apiHistory().millis(0.5)), millis(c.apiHistory().millis(0.95)),
                millis(c.apiRelated().millis(0.5)), millis(c.apiRelated().millis(0.95)),
                millis(c.apiCaseScreen().millis(0.5)), millis(c.apiCaseScreen().millis(0.95)));
        return List.of(setup, screens, api);
    }

    private static String screen(String name, ConsoleBenchmark.Screen s) {
        return String.format(Locale.ROOT, "%s by URL p50 %s / p95 %s / max %s (p50s: %s until its first API call, "
                        + "%s of API calls as the browser saw them, %s to render), inside the console p50 %s / p95 %s",
                name, millis(s.pageLoads().millis(0.5)), millis(s.pageLoads().millis(0.95)),
                millis(s.pageLoads().maxMillis()), millis(s.beforeApi().millis(0.5)), millis(s.api().millis(0.5)),
                millis(s.render().millis(0.5)), millis(s.inApp().millis(0.5)), millis(s.inApp().millis(0.95)));
    }

    private String warmup() {
        Warmup.Result warmup = r.warmup();
        if (warmup.rounds() == 0) {
            return "Warm-up: none (--warmup-flags 0): the JVMs were measured cold.";
        }
        return String.format(Locale.ROOT, "Warm-up before it: %d round%s in %.0f s, each %s flags as fast as possible "
                        + "(%s flags/s in the last), %d s of flags at %.0f%% of that rate tracked until searchable, "
                        + "%s searches of each search target; in the last round the JIT compilers used %.2f cores "
                        + "(%s): %s.",
                warmup.rounds(), warmup.rounds() == 1 ? "" : "s", warmup.seconds(),
                number(r.settings().warmupFlags()), number(warmup.lastIntake().flagsPerSecond()),
                Warmup.STEADY_SECONDS, r.settings().latencyRateFraction() * 100,
                number(warmupRequests(r.settings())), warmup.lastRound().jitTotal(), warmup.lastRound().jitSummary(),
                warmup.jitQuiet() ? "below the " + r.settings().warmupJitCores() + " cores asked"
                        : "still above the " + r.settings().warmupJitCores() + " cores asked when the "
                          + r.settings().warmupMaxSeconds() + " s were up");
    }

    /** Documents the projection wrote during the intake phase, per second until all flags were indexed. */
    private double projectionDocumentsPerSecond() {
        return r.intake().work().indexOperations() / r.intake().indexedSeconds();
    }

    private static String clients(int clients) {
        return clients == 1 ? "1 client" : clients + " clients";
    }

    /** Elasticsearch's CPU time per document in a phase, in ms. */
    private String cpuPerDocument(String phase, double documentsPerSecond) {
        Machine.CpuUse use = r.cpuByPhase().get(phase);
        Double cores = use == null ? null : use.cores().get("elasticsearch");
        return cores == null ? "n/a" : millis(cores * 1000 / documentsPerSecond);
    }

    static int warmupRequests(Settings settings) {
        return Math.max(200, settings.searchRequests() / 4);
    }

    String console() {
        StringBuilder out = new StringBuilder("\n");
        out.append("Casebook benchmarks — ").append(r.machine().date()).append(" — ").append(r.machine().cpus())
                .append(" cores, ").append(r.machine().memory()).append(", ").append(r.machine().cpuModel())
                .append(", ").append(r.machine().java()).append('\n');
        out.append("Stack: PostgreSQL 17 (fsync on), Kafka 4, Elasticsearch 8, Keycloak 26 as local processes; "
                + "1 service instance (").append(r.serviceJar()).append("). Service settings: ").append(settings())
                .append("\n\n");
        List<Row> rows = rows();
        String[] header = {"#", "measure", "Casebook", "raw ceiling, same servers, same run", "ratio", "goal", "met"};
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
        }
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int i = 0; i < cells.length; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        out.append(line(header, width)).append('\n');
        out.append("-".repeat(java.util.Arrays.stream(width).sum() + 2 * (width.length - 1))).append('\n');
        for (Row row : rows) {
            out.append(line(cells(row), width)).append('\n');
        }
        out.append('\n');
        for (String detail : details()) {
            out.append("- ").append(detail).append('\n');
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("\n## ").append(r.machine().date()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Machine | ").append(r.machine().cpus()).append(" cores (").append(r.machine().cpuModel())
                .append("), ").append(r.machine().memory()).append(", ").append(r.machine().java()).append(" |\n");
        md.append("| Commit | ").append(r.machine().commit()).append(" |\n");
        md.append("| Command | `").append(r.command()).append("` |\n");
        md.append("| Service jar | ").append(r.serviceJar()).append(" |\n");
        md.append("| Service settings | ").append(settings()).append(" |\n\n");
        md.append("| # | measure | Casebook | raw ceiling, same servers, same run | ratio | goal | met |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows()) {
            md.append("| ").append(String.join(" | ", cells(row))).append(" |\n");
        }
        md.append('\n');
        for (String detail : details()) {
            md.append("- ").append(detail).append('\n');
        }
        return md.toString();
    }

    void append(Path file, String intro) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, intro);
        }
        Files.writeString(file, markdown(), StandardOpenOption.APPEND);
    }

    private String settings() {
        Map<String, String> shown = new LinkedHashMap<>(r.serviceSettings());
        return String.join(", ", shown.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static String[] cells(Row row) {
        return new String[] {row.number(), row.measure(), row.casebook(), row.ceiling(), row.ratio(), row.goal(),
                row.met()};
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(String.format("%-" + width[i] + "s", cells[i]));
            if (i < cells.length - 1) {
                line.append("  ");
            }
        }
        return line.toString().stripTrailing();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "n/a";
        }
        if (ms >= NEVER) {
            return "not found";
        }
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 100) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%,.0f ms", ms);
    }

    private static String ratio(double measured, double ceiling) {
        if (measured >= NEVER || ceiling >= NEVER || Double.isNaN(measured) || Double.isNaN(ceiling)) {
            return "n/a";
        }
        return ratio(measured / ceiling);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }

    private static String yes(boolean met) {
        return met ? "yes" : "NO";
    }
}
