package casebook.benchmarks;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The running service as the benchmark sees it from outside: its API (with an analyst's token), its database
 * (to count durable flags) and its search index (to know when the projection has caught up).
 */
final class Casebook implements AutoCloseable {

    static final String ALIAS = "cases";
    static final String USER = "ana.sea"; // analyst, region SEA; password = user name
    static final String REGION = "SEA";

    private final Http http;
    private final String apiUrl;
    private final String esUrl;
    private final Connection database;
    private final Connection probeDatabase;
    private final java.util.concurrent.ExecutorService probeThread = java.util.concurrent.Executors
            .newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "durable-probe");
                thread.setDaemon(true);
                return thread;
            });
    private final TokenSource tokens;
    private volatile String token;

    interface TokenSource {
        String token();
    }

    Casebook(Http http, String apiUrl, String esUrl, String jdbcUrl, String user, String password, TokenSource tokens)
            throws SQLException {
        this.http = http;
        this.apiUrl = apiUrl;
        this.esUrl = esUrl;
        this.database = DriverManager.getConnection(jdbcUrl, user, password);
        this.probeDatabase = DriverManager.getConnection(jdbcUrl, user, password);
        this.tokens = tokens;
        refreshToken();
    }

    /** A fresh access token (they live 15 minutes); called before each phase. */
    void refreshToken() {
        token = tokens.token();
    }

    String apiUrl() {
        return apiUrl;
    }

    String esUrl() {
        return esUrl;
    }

    /** Flags whose effect is committed: claimed and given a case in the same transaction as the events. */
    long durableFlags() throws SQLException {
        try (Statement statement = database.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from flag_claims where case_id is not null")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Checks that at least {@code target} flags are durable, once the service has committed their offsets: it commits
     * them only after their events (invariant 11), so fewer would be a bug, not a wait.
     */
    void requireDurable(long target) throws SQLException {
        long count = durableFlags();
        if (count < target) {
            throw new IllegalStateException("the service committed the offsets of flags that are not durable: "
                    + count + " of " + target + " flags have their case; see the service log");
        }
    }

    /** Work counters of the database and the index, to explain a throughput (see {@link #counters()}). */
    record Counters(long commits, long eventsRead, long eventsWritten, long indexOperations) {
        Counters minus(Counters earlier) {
            return new Counters(commits - earlier.commits, eventsRead - earlier.eventsRead,
                    eventsWritten - earlier.eventsWritten, indexOperations - earlier.indexOperations);
        }
    }

    /**
     * Committed transactions of the service's database, rows of {@code domain_event_entry} read and inserted
     * (PostgreSQL's cumulative statistics, flushed by each backend about once a second: approximate over a few
     * seconds) and documents written to the case index.
     */
    Counters counters() throws SQLException {
        long commits;
        long read = 0;
        long written = 0;
        try (Statement statement = database.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "select xact_commit from pg_stat_database where datname = current_database()")) {
                rows.next();
                commits = rows.getLong(1);
            }
            try (ResultSet rows = statement.executeQuery("select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0),"
                    + " n_tup_ins from pg_stat_user_tables where relname = 'domain_event_entry'")) {
                if (rows.next()) {
                    read = rows.getLong(1);
                    written = rows.getLong(2);
                }
            }
        }
        JsonNode stats = http.ok(http.get(esUrl + "/" + ALIAS + "/_stats/indexing", null));
        long indexed = stats.path("_all").path("primaries").path("indexing").path("index_total").asLong();
        return new Counters(commits, read, written, indexed);
    }

    /** Sum of the flag counts of all case documents: equals the durable flags once the projection caught up. */
    long indexedFlags() {
        JsonNode answer = http.ok(http.json("POST", esUrl + "/" + ALIAS + "/_search",
                "{\"size\": 0, \"aggs\": {\"flags\": {\"sum\": {\"field\": \"flagCount\"}}}}"));
        return (long) answer.path("aggregations").path("flags").path("value").asDouble();
    }

    long awaitIndexed(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long indexed = indexedFlags();
            long now = System.nanoTime();
            if (indexed >= target) {
                return now;
            }
            if (now > deadline) {
                throw new IllegalStateException("the search index holds " + indexed + " of " + target
                        + " flags after " + timeout.toSeconds() + " s: see the service log");
            }
            Thread.sleep(50);
        }
    }

    /** GET /api/v1/cases?signal=...: what an analyst's signal search sends. */
    HttpRequest apiSearch(String signal, int size) {
        return http.get(apiUrl + "/api/v1/cases?signal=" + Http.query(signal) + "&size=" + size, token);
    }

    /** Does the API find a case with this signal now? */
    CompletableFuture<Boolean> apiFinds(String signal) {
        HttpRequest request = apiSearch(signal, 20);
        return http.sendAsync(request).thenApply(response -> Http.parse(request, response).path("total").asLong() > 0);
    }

    /** GET /api/v1/cases/{id}/history?asOf=...: the case as it was at an instant, with the events that led there. */
    HttpRequest apiAsOf(String caseId, java.time.Instant asOf) {
        return http.get(apiUrl + "/api/v1/cases/" + caseId + "/history?asOf=" + Http.query(asOf.toString()), token);
    }

    /** GET /api/v1/queue?page=0&size=...: the queue screen's first page (the open cases of the analyst's region). */
    HttpRequest apiQueue(int size) {
        return http.get(apiUrl + "/api/v1/queue?page=0&size=" + size, token);
    }

    /** GET /api/v1/cases/{id}: what the case page reads first. */
    HttpRequest apiCase(String caseId) {
        return http.get(apiUrl + "/api/v1/cases/" + caseId, token);
    }

    /** GET /api/v1/cases/{id}/history: the case page's timeline, every event of the case. */
    HttpRequest apiHistory(String caseId) {
        return http.get(apiUrl + "/api/v1/cases/" + caseId + "/history", token);
    }

    /** GET /api/v1/cases/{id}/related: the case page's related cases, read alongside the history. */
    HttpRequest apiRelated(String caseId) {
        return http.get(apiUrl + "/api/v1/cases/" + caseId + "/related", token);
    }

    /** The open cases of the analyst's region: the queue's total. */
    long openCases() {
        return http.ok(apiQueue(1)).path("total").asLong();
    }

    /** The case a durable flag was given, or null while it is not durable. */
    String caseOfFlag(String flagId) throws SQLException {
        try (var query = database.prepareStatement("select case_id from flag_claims where flag_id = ?")) {
            query.setString(1, flagId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /**
     * Reads every stored column of a stream's events in sequence order, as the event store's own read does: the floor
     * under any reconstruction from the event store. Answers the number of events.
     */
    int readEventRows(String streamId) throws SQLException {
        try (var query = database.prepareStatement("select global_index, event_identifier, meta_data, payload,"
                + " payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type"
                + " from domain_event_entry where aggregate_identifier = ? order by sequence_number")) {
            query.setString(1, streamId);
            int events = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    for (int column = 1; column <= 10; column++) {
                        rows.getObject(column);
                    }
                    events++;
                }
            }
            return events;
        }
    }

    /** Which of these flag ids are durable now (claimed, with their case, in a committed transaction)? */
    CompletableFuture<Set<String>> durable(Set<String> flagIds) {
        return CompletableFuture.supplyAsync(() -> {
            try (var query = probeDatabase.prepareStatement(
                    "select flag_id from flag_claims where flag_id = any (?) and case_id is not null")) {
                query.setArray(1, probeDatabase.createArrayOf("varchar", flagIds.toArray()));
                Set<String> found = new HashSet<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, probeThread);
    }

    /** Which of these device ids does the case index hold now (in region SEA)? One search for all of them. */
    CompletableFuture<Set<String>> indexHolds(Set<String> deviceIds) {
        return holds(http, esUrl + "/" + ALIAS, "signals.deviceIds", deviceIds);
    }

    /** One terms search for all {@code values} of {@code field} (region SEA); answers the values it found. */
    static CompletableFuture<Set<String>> holds(Http http, String index, String field, Set<String> values) {
        String terms = values.stream().map(value -> "\"" + value + "\"").collect(Collectors.joining(","));
        HttpRequest request = http.json("POST", index + "/_search", """
                {"size": %d, "track_total_hits": false, "_source": ["%s"], "query": {"bool": {"filter": [
                  {"terms": {"region": ["%s"]}}, {"terms": {"%s": [%s]}}]}}}
                """.formatted(values.size(), field, REGION, field, terms));
        return http.sendAsync(request).thenApply(response -> {
            Set<String> found = new HashSet<>();
            for (JsonNode hit : Http.parse(request, response).path("hits").path("hits")) {
                JsonNode node = hit.path("_source");
                for (String part : field.split("\\.")) {
                    node = node.path(part);
                }
                node.forEach(value -> {
                    if (values.contains(value.asText())) {
                        found.add(value.asText());
                    }
                });
            }
            return found;
        });
    }

    /** The plain Elasticsearch query for the same need: a term on the device ids, the region filter, 20 hits. */
    HttpRequest esTermSearch(String signal, int size) {
        return http.json("POST", esUrl + "/" + ALIAS + "/_search", """
                {"size": %d, "query": {"bool": {"filter": [
                  {"terms": {"region": ["%s"]}},
                  {"term": {"signals.deviceIds": "%s"}}]}}}
                """.formatted(size, REGION, signal));
    }

    /**
     * The request the service itself sends for {@code ?signal=} (projections/case-search CaseSearchQueries): any of
     * the four signal fields or a linked entity, region filter, exact total, three sort keys and the status and
     * category facets.
     */
    HttpRequest esServiceQuery(String signal, int size) {
        String should = java.util.stream.Stream.of("signals.deviceIds", "signals.ips", "signals.paymentFingerprints",
                        "signals.linkedAccounts", "links.value")
                .map(field -> "{\"term\": {\"" + field + "\": {\"value\": \"" + signal + "\"}}}")
                .collect(java.util.stream.Collectors.joining(", "));
        return http.json("POST", esUrl + "/" + ALIAS + "/_search", """
                {"from": 0, "size": %d, "track_total_hits": true,
                 "query": {"bool": {"filter": [
                   {"terms": {"region": ["%s"]}},
                   {"bool": {"should": [%s], "minimum_should_match": "1"}}]}},
                 "sort": [{"priority": {"order": "asc"}}, {"nextDueAt": {"order": "asc"}}, {"caseId": {"order": "asc"}}],
                 "aggregations": {"status": {"terms": {"field": "status", "size": 7}},
                                  "category": {"terms": {"field": "category", "size": 10}}}}
                """.formatted(size, REGION, should));
    }

    Http http() {
        return http;
    }

    @Override
    public void close() throws SQLException {
        probeThread.shutdownNow();
        probeDatabase.close();
        database.close();
    }
}
