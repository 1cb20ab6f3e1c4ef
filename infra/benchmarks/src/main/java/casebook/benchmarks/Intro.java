package casebook.benchmarks;

/** The head of docs/benchmarks.md, written when the file does not exist yet; each run appends a section. */
final class Intro {

    private Intro() {
    }

    static final String TEXT = """
            # Benchmarks

            `infra/benchmarks` measures the real service jar on the real servers of the dev stack (PostgreSQL 17 with
            **fsync on**, Kafka 4, Elasticsearch 8, Keycloak 26, all local processes, see `infra/devstack`) with one
            service instance, after a warm-up. Each run appends a section below: date, machine, exact command,
            service settings, results.

            ## What is measured

            1. **Sustained flag intake over Kafka**: flags produced as fast as possible on `casebook.flags.v1`
               (up to 60,000 over a fifth as many subjects, so ~5 flags per case), timed from the first send until all are
               durable: until the service's consumer group has committed their offsets, which it does only after their events
               (seen through Kafka's admin API, which costs the event store nothing; then the flags' claims, written in the same
               transaction as the events, are counted once to confirm). Compared with
               the raw single-row-commit ceiling of the same PostgreSQL server (1 JDBC client, autocommit INSERTs of
               ~700-byte rows): the rate an event store that commits each event on its own could reach at best.
               Goal: at least 3x.
            2. **Flag → searchable latency** at half the measured intake rate, for ~30 s: 10 flags a second carry
               a device id of their own. Every 25 ms ONE terms search asks the case index for all of them still
               pending (a bounded load, whatever the backlog); once the index holds one, an API search
               (`GET /api/v1/cases?signal=`, analyst token) confirms it, and the latency runs from the moment the
               flag was handed to the Kafka producer until that API answer. Alongside, the flags' ids are looked up
               in `flag_claims`, which splits the latency into intake (durable) and projection (indexed). Compared
               with Elasticsearch alone (write a document, look for it the same way, same refresh interval): the
               floor set by the index refresh. Goal: p99 under 2 s.
            3. **Search through the API vs Elasticsearch directly**: the analyst's signal search, warm, closed loop
               from 2 threads, against the plain Elasticsearch query for the same need (term on the device id,
               region filter, same page size). A third target, the exact query the service sends to Elasticsearch
               (four signal fields and linked entities, exact total, sort, two facets), splits the gap into "the query
               we chose" and "the API layer" (HTTP, token check, query bus, mapping). Goal: API p95 at most 1.3x.
            4. **Case documents indexed, projection vs Elasticsearch alone** (no goal; it explains 1 and 2): the
               documents per second the projection wrote during the intake, against Elasticsearch re-indexing up to
               10,000 of those same documents for 10 s (newer external versions, the projection's bulk size and as many
               clients as its segments, a scratch index with the case index's mapping and settings), with the
               Elasticsearch CPU each document costs in both.
            5. **A case as of an instant**: one subject flagged 1,000 times, so one case of 1,000 events, then
               `GET /api/v1/cases/{id}/history?asOf=` at an instant after its last event (every event read from the event
               store and folded into the case as the read model shows it), closed loop from 1 client, taking turns with
               reading the same rows over JDBC (the floor of any rebuild from the event store). Goal: p95 under 50 ms.
            6. **The console's queue and case page in a browser**: with at least 10,000 open cases in region SEA
               (the queue's total; when the earlier phases left fewer, the rest are opened with one flag each) and one
               case of 200 events (one subject flagged 200 times), a real headless Chromium (Debian's, as in the
               browser tests) signs in as `ana.sea` on Keycloak's login page, then opens the queue and that case's
               page by URL, 20 times each after 3 unmeasured rounds (`--console-loads`). Each page load runs from the
               navigation until the screen is usable: the queue's table with its rows and its counts per status, or
               the case's timeline with all its events, after the next frame. A script the browser runs at the start
               of every document notes that moment and splits the load with the page's own resource timings into
               "until the first API call" (the console's page and script, its settings, keycloak-js's silent sign-in
               through Keycloak), "API" and "render". Alongside: each screen reached inside the console (a route
               change, no new document), and the API calls the screens make, timed directly from 1 client
               (`GET /api/v1/queue`; `GET /api/v1/cases/{id}`, then its history and related cases together), which a
               page load is compared with. Goal: p95 under 1 s for each screen. `--no-console` skips it.

            ## Warm-up: steady state first

            Every JVM of a run (the service, Elasticsearch, Kafka, Keycloak, the benchmark itself) starts cold, and on 2
            cores their JIT compilers need minutes to compile what the workload runs. Measured after one short warm-up,
            as until 1 Dec 2026 10:00, a third of the machine went to compiling (~0.6 cores during intake) and the
            figures described JVMs that production never sees after their first minutes. So the warm-up repeats rounds
            of what the measured phases do (15,000 flags as fast as possible, 15 s of flags at half that rate tracked
            until searchable, searches of each search target) until the JIT compilers of all the run's JVMs together
            use less than 0.2 cores during a round (usually 6-8 rounds, 4-5 minutes), or 300 s are up
            (`--warmup-jit-cores`, `--warmup-max-seconds`). The CPU line of each run shows what the compilers still
            used in each phase, as "(JIT n)".

            ## Why ratios

            Absolute figures on a 2-core machine shared with builds say little and drift from one run to the next;
            the ceiling of the same servers measured minutes apart in the same run moves with them. A ratio says
            what the service makes of what the servers can do. The absolute figures are printed too. The benchmark
            also reports the CPU used by each of its servers and by other processes meanwhile: on a shared
            machine, look at that first (`--wait-quiet N` waits for a quiet moment before starting).

            ## How to run

            ```
            infra/benchmarks/run            # builds what it needs (./mvnw -Pbenchmarks ... install), then runs
            infra/benchmarks/run --help     # options: sizes, durations, --set KEY=VALUE, --no-record, --keep-data
            CASEBOOK_BENCHMARKS_SKIP_BUILD=1 infra/benchmarks/run   # measure the jar already in services/cases/cases-app/target
            ```

            About 10 minutes on 2 cores, plus the build (the intake size adapts to the warm-up rate: ~45 s of intake, 10,000 to
            60,000 flags; the console ~2 minutes, `--no-console` for a quick run), 4 GB of RAM for the servers and the service.
            The module is built only with
            `-Pbenchmarks`; `./mvnw verify` neither builds nor runs it. It starts its own servers on free ports,
            stops everything it started on exit (also on failure or Ctrl-C) and deletes its data folder (keep it
            with `--keep-data`). Service settings that can be tried: `--set casebook.flags.consumers=N`,
            `--set spring.kafka.consumer.max-poll-records=N`, `--set casebook.search.batch-size=N`. The benchmark
            always lifts the analyst's rate limit (`casebook.rate-limit.per-minute`), which would otherwise answer
            429 to the search benchmark; the limit's filter still runs on every request.

            # Results
            """;
}
