package casebook.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import casebook.devstack.PostgresServer;

/** What the servers do on their own, measured on the same servers just before the service starts. */
final class RawCeilings {

    private RawCeilings() {
    }

    record CommitRate(long rows, double seconds) {
        double perSecond() {
            return rows / seconds;
        }
    }

    record Visibility(Samples latencies, int unresolved, long probes) {
    }

    record IndexingRate(long documents, double seconds, int distinct, int clients, int bulkSize) {
        double perSecond() {
            return documents / seconds;
        }
    }

    /**
     * One client, autocommit, one ~700-byte row per INSERT (so one WAL flush per row): the rate a write path
     * that commits every event on its own could reach at best. Scratch database {@code bench_raw}.
     */
    static CommitRate postgresSingleRowCommits(PostgresServer postgres, Duration duration) throws SQLException {
        postgres.createDatabase("bench_raw");
        SplittableRandom random = new SplittableRandom(7);
        byte[][] payloads = new byte[256][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = new byte[640];
            random.nextBytes(payloads[i]);
        }
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("bench_raw"), postgres.username(),
                postgres.password())) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table if exists raw_commits");
                ddl.execute("create table raw_commits (id bigserial primary key, aggregate_id varchar(64) not null,"
                        + " payload bytea not null, created_at timestamptz not null default now())");
            }
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into raw_commits (aggregate_id, payload) values (?, ?)")) {
                insertFor(insert, payloads, Duration.ofSeconds(2), 0); // warm-up: prepared statement, JIT, WAL files
                long started = System.nanoTime();
                long rows = insertFor(insert, payloads, duration, 1_000_000);
                return new CommitRate(rows, (System.nanoTime() - started) / 1e9);
            } finally {
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("drop table raw_commits");
                }
            }
        }
    }

    private static long insertFor(PreparedStatement insert, byte[][] payloads, Duration duration, long firstId)
            throws SQLException {
        long deadline = System.nanoTime() + duration.toNanos();
        long rows = 0;
        while (System.nanoTime() < deadline) {
            insert.setString(1, "case-" + (firstId + rows));
            insert.setBytes(2, payloads[(int) (rows % payloads.length)]);
            insert.executeUpdate();
            rows++;
        }
        return rows;
    }

    /**
     * Write-to-searchable floor of Elasticsearch itself: a scratch index with the case index's settings
     * (1 shard, 0 replicas, refresh every 500 ms), one small document at a time, each with a unique device id,
     * looked for every {@code pollMillis} exactly as the service's flags are (see {@link VisibilityTracker}).
     */
    static Visibility elasticsearchVisibility(Http http, String esUrl, int samples, int perSecond, int pollMillis)
            throws InterruptedException {
        String index = esUrl + "/bench-visibility";
        http.send(http.json("DELETE", index, null));
        http.ok(http.json("PUT", index, """
                {"settings": {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "500ms"},
                 "mappings": {"dynamic": "strict", "properties": {
                   "region": {"type": "keyword"}, "deviceIds": {"type": "keyword"}, "payload": {"type": "text"}}}}
                """));
        try (VisibilityTracker tracker = new VisibilityTracker(null,
                signals -> Casebook.holds(http, index, "deviceIds", signals), null, pollMillis)) {
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long start = System.nanoTime();
            for (int i = 0; i < samples; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String signal = "vis-" + i;
                long written = System.nanoTime();
                http.ok(http.json("PUT", index + "/_doc/" + i, """
                        {"region": "SEA", "deviceIds": ["%s"], "payload": "a flag-sized document for the floor"}
                        """.formatted(signal)));
                tracker.track(signal, written);
            }
            int unresolved = tracker.awaitAll(Duration.ofSeconds(10));
            return new Visibility(tracker.indexLatencies(), unresolved, tracker.indexSearches());
        } finally {
            http.send(http.json("DELETE", index, null));
        }
    }

    /**
     * Elasticsearch's own indexing rate for the service's documents: up to 10,000 case documents as the projection
     * wrote them are read back and written again and again into a scratch index with the case index's mapping and
     * settings, by {@code clients} clients (as many as the projection's segments) in bulks of {@code bulkSize}, each
     * write a newer external version of its document - what the projection asks of Elasticsearch per flag, without
     * the service. With that many documents a document comes round again only after a few refreshes, so its
     * version is looked up in the index's segments as the projection's are, not in the memory of recent writes.
     * Measured after the service's own phases, on the same server.
     */
    static IndexingRate elasticsearchIndexing(Http http, String esUrl, String alias, Duration duration, int clients,
                                              int bulkSize) throws Exception {
        JsonNode mappings = http.ok(http.get(esUrl + "/" + alias + "/_mapping", null)).elements().next()
                .path("mappings");
        JsonNode settings = http.ok(http.get(esUrl + "/" + alias + "/_settings", null)).elements().next()
                .path("settings").path("index");
        List<String> ids = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        JsonNode hits = http.ok(http.json("POST", esUrl + "/" + alias + "/_search",
                "{\"size\": 10000, \"query\": {\"match_all\": {}}}")).path("hits").path("hits");
        for (JsonNode hit : hits) {
            ids.add(hit.path("_id").asText());
            sources.add(Http.JSON.writeValueAsString(hit.path("_source")));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("the case index holds no documents to re-index");
        }
        String index = esUrl + "/bench-indexing";
        http.send(http.json("DELETE", index, null));
        http.ok(http.json("PUT", index, """
                {"settings": {"number_of_shards": %s, "number_of_replicas": %s, "refresh_interval": %s},
                 "mappings": %s}
                """.formatted(settings.path("number_of_shards"), settings.path("number_of_replicas"),
                settings.path("refresh_interval"), Http.JSON.writeValueAsString(mappings))));
        AtomicLong written = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long deadline = System.nanoTime() + duration.toNanos();
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    // each client owns every clients-th document, so no two clients write one document
                    long version = 1;
                    int next = client;
                    while (System.nanoTime() < deadline) {
                        StringBuilder bulk = new StringBuilder();
                        for (int i = 0; i < bulkSize; i++) {
                            bulk.append("{\"index\": {\"_id\": \"").append(ids.get(next))
                                    .append("\", \"version\": ").append(version)
                                    .append(", \"version_type\": \"external\"}}\n").append(sources.get(next)).append('\n');
                            next += clients;
                            if (next >= ids.size()) {
                                next = client;
                                version++;
                            }
                        }
                        // only the failures come back: reading 200 results per bulk would take the cores measured
                        JsonNode answer = http.ok(http.json("POST", index + "/_bulk?filter_path=errors,items.*.error",
                                bulk.toString()));
                        if (answer.path("errors").asBoolean()) {
                            throw new IllegalStateException("bulk re-indexing failed: " + answer.path("items"));
                        }
                        written.addAndGet(bulkSize);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            return new IndexingRate(written.get(), (System.nanoTime() - started) / 1e9, ids.size(), clients, bulkSize);
        } finally {
            pool.shutdownNow();
            http.send(http.json("DELETE", index, null));
        }
    }
}
