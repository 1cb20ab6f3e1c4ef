package casebook.projections.casesearch;

import casebook.cases.api.CaseStatus;
import casebook.cases.api.FindRegionMetrics;
import casebook.cases.api.RegionMetrics;
import casebook.cases.api.RegionMetrics.Appeals;
import casebook.cases.api.RegionMetrics.Durations;
import casebook.cases.api.RegionMetrics.PolicyAppeals;
import casebook.cases.api.RegionMetrics.SourceOutcomes;
import casebook.cases.api.SlaStage;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import org.axonframework.queryhandling.QueryHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A region's figures for its lead, computed by Elasticsearch aggregations over the case documents (which carry
 * each case's timings and flag sources, kept by the projection): nothing is read from the event store per request.
 * Percentiles are Elasticsearch's TDigest estimates, exact for small numbers of cases.
 */
class CaseMetricsQueries {
    static final List<CaseStatus> BACKLOG = List.of(CaseStatus.OPEN, CaseStatus.IN_REVIEW, CaseStatus.DECISION_PROPOSED);
    /** At most this many detection sources are reported, those with the most cases first. */
    static final int MAX_SOURCES = 100;
    /** At most this many policy references are reported, those cited by the most decided violations first. */
    static final int MAX_POLICIES = 100;
    /** Appeals that overturned their decision, wholly or in part. */
    static final List<String> OVERTURNS = List.of("OVERTURNED", "PARTIALLY_OVERTURNED");

    private final CaseIndex index;

    CaseMetricsQueries(CaseIndex index) {
        this.index = index;
    }

    @QueryHandler
    RegionMetrics handle(FindRegionMetrics query) {
        if (!query.scope().includes(query.region())) {
            return null;
        }
        BoolQuery.Builder inPeriod = new BoolQuery.Builder()
                .filter(q -> q.term(t -> t.field("region").value(query.region().code())));
        if (query.openedFrom() != null || query.openedTo() != null) {
            inPeriod.filter(q -> q.range(r -> r.untyped(u -> {
                u.field("openedAt");
                if (query.openedFrom() != null) u.gte(JsonData.of(query.openedFrom().toString()));
                if (query.openedTo() != null) u.lt(JsonData.of(query.openedTo().toString()));
                return u;
            })));
        }
        Query open = Query.of(q -> q.terms(t -> t.field("status").terms(v -> v.value(
                BACKLOG.stream().map(s -> FieldValue.of(s.name())).toList()))));
        try {
            SearchResponse<Void> response = index.client().search(s -> s
                    .index(index.alias())
                    .size(0)
                    .trackTotalHits(t -> t.enabled(true))
                    .query(inPeriod.build()._toQuery())
                    .aggregations("status", a -> a.terms(t -> t.field("status").size(CaseStatus.values().length)))
                    .aggregations("breaches", a -> a.terms(t -> t.field("slaBreaches").size(SlaStage.values().length)))
                    .aggregations("openBreached", a -> a.filter(f -> f.bool(b -> b.filter(open)
                            .filter(e -> e.exists(x -> x.field("slaBreaches"))))))
                    .aggregations("toAssign", a -> a.percentiles(p -> p.field("secondsToFirstAssignment")
                            .percents(50.0, 90.0).keyed(true)))
                    .aggregations("toAssignCount", a -> a.valueCount(v -> v.field("secondsToFirstAssignment")))
                    .aggregations("toDecide", a -> a.percentiles(p -> p.field("secondsToDecision")
                            .percents(50.0, 90.0).keyed(true)))
                    .aggregations("toDecideCount", a -> a.valueCount(v -> v.field("secondsToDecision")))
                    .aggregations("sources", a -> a.terms(t -> t.field("flagSources").size(MAX_SOURCES))
                            .aggregations("decided", d -> d.filter(taken()))
                            .aggregations("confirmed", d -> d.filter(f -> f.bool(b -> b.filter(taken())
                                    .filter(q -> q.term(t -> t.field("decision.verdict").value("VIOLATION"))))))
                            .aggregations("falsePositives", d -> d.filter(f -> f.bool(b -> b.filter(taken())
                                    .filter(q -> q.term(t -> t.field("decision.label").value("FALSE_POSITIVE"))))))
                            .aggregations("appeals", appeals()))
                    .aggregations("appeals", appeals())
                    .aggregations("policies", a -> a.filter(decidedViolation())
                            .aggregations("refs", r -> r.terms(t -> t.field("decision.policyRefs").size(MAX_POLICIES))
                                    .aggregations(appealCounts()))),
                    Void.class);
            Map<String, Aggregate> aggs = response.aggregations();
            Map<CaseStatus, Long> backlog = new EnumMap<>(CaseStatus.class);
            BACKLOG.forEach(s -> backlog.put(s, 0L));
            aggs.get("status").sterms().buckets().array().forEach(b -> {
                CaseStatus status = CaseStatus.valueOf(b.key().stringValue());
                if (BACKLOG.contains(status)) backlog.put(status, b.docCount());
            });
            Map<SlaStage, Long> breaches = new EnumMap<>(SlaStage.class);
            for (SlaStage stage : SlaStage.values()) breaches.put(stage, 0L);
            aggs.get("breaches").sterms().buckets().array()
                    .forEach(b -> breaches.put(SlaStage.valueOf(b.key().stringValue()), b.docCount()));
            List<SourceOutcomes> sources = aggs.get("sources").sterms().buckets().array().stream()
                    .map(CaseMetricsQueries::outcomes).toList();
            return new RegionMetrics(query.region(), response.hits().total().value(), backlog, breaches,
                    aggs.get("openBreached").filter().docCount(),
                    durations(aggs.get("toAssign"), aggs.get("toAssignCount")),
                    durations(aggs.get("toDecide"), aggs.get("toDecideCount")), sources, appeals(aggs.get("appeals")),
                    aggs.get("policies").filter().aggregations().get("refs").sterms().buckets().array().stream()
                            .map(b -> new PolicyAppeals(b.key().stringValue(), appeals(b.docCount(), b.aggregations())))
                            .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query taken() {
        return Query.of(q -> q.term(t -> t.field("decision.state").value("TAKEN")));
    }

    private static Query decidedViolation() {
        return Query.of(q -> q.bool(b -> b.filter(taken())
                .filter(v -> v.term(t -> t.field("decision.verdict").value("VIOLATION")))));
    }

    /** Over the decided violations: how many were appealed, how many appeals decided and how many overturned. */
    private static Aggregation appeals() {
        return Aggregation.of(a -> a.filter(decidedViolation()).aggregations(appealCounts()));
    }

    private static Map<String, Aggregation> appealCounts() {
        return Map.of(
                "appealed", Aggregation.of(a -> a.filter(f -> f.exists(e -> e.field("appeal.filedAt")))),
                "appealsDecided", Aggregation.of(a -> a.filter(f -> f.exists(e -> e.field("appeal.outcome")))),
                "overturned", Aggregation.of(a -> a.filter(f -> f.terms(t -> t.field("appeal.outcome")
                        .terms(v -> v.value(OVERTURNS.stream().map(FieldValue::of).toList()))))));
    }

    private static Appeals appeals(Aggregate decidedViolations) {
        return appeals(decidedViolations.filter().docCount(), decidedViolations.filter().aggregations());
    }

    private static Appeals appeals(long decidedViolations, Map<String, Aggregate> counts) {
        return new Appeals(decidedViolations, counts.get("appealed").filter().docCount(),
                counts.get("appealsDecided").filter().docCount(), counts.get("overturned").filter().docCount());
    }

    private static SourceOutcomes outcomes(StringTermsBucket bucket) {
        Map<String, Aggregate> sub = bucket.aggregations();
        return new SourceOutcomes(FlagSourceKeys.source(bucket.key().stringValue()), bucket.docCount(),
                sub.get("decided").filter().docCount(), sub.get("confirmed").filter().docCount(),
                sub.get("falsePositives").filter().docCount(), appeals(sub.get("appeals")));
    }

    private static Durations durations(Aggregate percentiles, Aggregate count) {
        long cases = (long) count.valueCount().value();
        if (cases == 0) {
            return new Durations(0, null, null);
        }
        Map<String, String> keyed = percentiles.tdigestPercentiles().values().keyed();
        return new Durations(cases, seconds(keyed.get("50.0")), seconds(keyed.get("90.0")));
    }

    private static Duration seconds(String value) {
        if (value == null || value.equals("null") || value.equals("NaN")) return null;
        return Duration.ofSeconds(Math.round(Double.parseDouble(value)));
    }
}
