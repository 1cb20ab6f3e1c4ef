package casebook.projections.casesearch;

import casebook.cases.api.CasePage;
import casebook.cases.api.CaseSearchCriteria;
import casebook.cases.api.CaseStatus;
import casebook.cases.api.CaseView;
import casebook.cases.api.FindCase;
import casebook.cases.api.FindCases;
import casebook.cases.api.FindQueue;
import casebook.cases.api.FindRelatedCases;
import casebook.cases.api.RegionScope;
import casebook.cases.api.RelatedCases;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Answers case searches from the index behind the alias. The caller's regions are a filter of the query itself, so
 * hits, totals and facet counts never see a case outside them; a case outside them is answered like an unknown one.
 */
class CaseSearchQueries {

    private static final List<String> SIGNAL_FIELDS =
            List.of("signals.deviceIds", "signals.ips", "signals.paymentFingerprints", "signals.linkedAccounts");
    /** A signal searched for matches the flags' signals and the entities investigators linked. */
    private static final List<String> SIGNAL_SEARCH_FIELDS =
            Stream.concat(SIGNAL_FIELDS.stream(), Stream.of("links.value")).toList();

    /** At most this many values per signal field relate cases (a case with thousands of IPs relates by the first). */
    private static final int MAX_RELATING_VALUES = 1_000;

    private final CaseIndex index;
    private final EventStore events;

    /** @param events the event store, read for the one case whose read model is behind a version asked for */
    CaseSearchQueries(CaseIndex index, EventStore events) {
        this.index = index;
        this.events = events;
    }

    /**
     * The case's document, by id (a real-time get: no wait for the index refresh). With {@link FindCase#atLeast()}
     * ahead of it, the events the projection has not written yet are read from the event store and folded onto it
     * ({@link CaseReplay#continued}); nothing is written back, the projection stays the index's only writer. The
     * region is checked on the indexed document before the event store is read, and on the result (a case the index
     * has not seen yet), so a foreign case is not found whatever version is asked for.
     */
    @QueryHandler
    CaseView handle(FindCase query) {
        CaseDocument document = document(query.caseId().toString());
        if (document != null && !query.scope().includes(document.region())) {
            return null; // a case's region never changes: no need to read further
        }
        if (query.atLeast() != FindCase.ANY_VERSION && (document == null || document.version() < query.atLeast())) {
            long next = document == null ? 0 : document.version() + 1;
            document = CaseReplay.continued(document, events.readEvents(query.caseId().toString(), next));
        }
        return document != null && query.scope().includes(document.region()) ? document.toView() : null;
    }

    private CaseDocument document(String caseId) {
        try {
            GetResponse<CaseDocument> found = index.client().get(g -> g.index(index.alias()).id(caseId),
                    CaseDocument.class);
            return found.found() ? found.source() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @QueryHandler
    RelatedCases handle(FindRelatedCases query) {
        CaseView self = handle(new FindCase(query.caseId(), query.scope()));
        if (self == null) {
            return null;
        }
        Signals signals = self.signals();
        BoolQuery.Builder shares = new BoolQuery.Builder().minimumShouldMatch("1");
        List<List<String>> values = List.of(signals.deviceIds(), signals.ips(), signals.paymentFingerprints(),
                                            signals.linkedAccounts());
        for (int i = 0; i < SIGNAL_FIELDS.size(); i++) {
            List<FieldValue> terms = values.get(i).stream().limit(MAX_RELATING_VALUES).map(FieldValue::of).toList();
            if (!terms.isEmpty()) {
                String field = SIGNAL_FIELDS.get(i);
                shares.should(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms))));
            }
        }
        if (values.stream().allMatch(List::isEmpty)) {
            return new RelatedCases(query.caseId(), List.of());
        }
        BoolQuery.Builder bool = shares.mustNot(q -> q.ids(ids -> ids.values(query.caseId().toString())));
        if (!query.scope().all()) {
            bool.filter(terms("region", query.scope().regions()));
        }
        try {
            SearchResponse<CaseDocument> response = index.client().search(s -> s.index(index.alias())
                    .query(q -> q.bool(bool.build())).size(FindRelatedCases.LIMIT), CaseDocument.class);
            List<RelatedCases.Related> related = response.hits().hits().stream()
                    .map(hit -> hit.source().toView())
                    .map(other -> new RelatedCases.Related(other, shared(signals, other.signals())))
                    .toList();
            return new RelatedCases(query.caseId(), related);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Signals shared(Signals a, Signals b) {
        return new Signals(common(a.deviceIds(), b.deviceIds()), common(a.ips(), b.ips()),
                           common(a.paymentFingerprints(), b.paymentFingerprints()),
                           common(a.linkedAccounts(), b.linkedAccounts()));
    }

    private static List<String> common(List<String> a, List<String> b) {
        Set<String> other = Set.copyOf(b);
        return a.stream().filter(other::contains).toList();
    }

    @QueryHandler
    CasePage handle(FindCases query) {
        return search(query.criteria(), query.scope(), "priority", "nextDueAt");
    }

    @QueryHandler
    CasePage handle(FindQueue query) {
        return search(query.criteria(), query.scope(), "nextDueAt", "priority");
    }

    /** One page of matching cases sorted by the given fields (then case id), with status and category counts. */
    private CasePage search(CaseSearchCriteria criteria, RegionScope scope, String firstSort, String thenSort) {
        try {
            SearchResponse<CaseDocument> response = index.client().search(s -> s
                    .index(index.alias())
                    .query(filter(criteria, scope))
                    .from(criteria.page() * criteria.size())
                    .size(criteria.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .sort(o -> o.field(f -> f.field(firstSort).order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field(thenSort).order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("caseId").order(SortOrder.Asc)))
                    .aggregations("status", a -> a.terms(t -> t.field("status").size(CaseStatus.values().length)))
                    .aggregations("category", a -> a.terms(t -> t.field("category").size(RiskCategory.values().length))),
                    CaseDocument.class);
            List<CaseView> items = response.hits().hits().stream()
                    .map(hit -> hit.source().toView())
                    .toList();
            return new CasePage(items, response.hits().total().value(),
                                counts(response, "status", CaseStatus.class),
                                counts(response, "category", RiskCategory.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query filter(CaseSearchCriteria c, RegionScope scope) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (!scope.all()) {
            bool.filter(terms("region", scope.regions()));
        }
        if (c.text() != null && !c.text().isBlank()) {
            bool.must(q -> q.match(m -> m.field("fullText").query(c.text()).operator(Operator.And)));
        }
        if (c.subjectId() != null) {
            bool.filter(term("subject.id", c.subjectId()));
        }
        if (c.signal() != null) {
            bool.filter(q -> q.bool(any -> any.should(SIGNAL_SEARCH_FIELDS.stream().map(f -> term(f, c.signal())).toList())
                    .minimumShouldMatch("1")));
        }
        if (!c.statuses().isEmpty()) {
            bool.filter(terms("status", c.statuses()));
        }
        if (!c.categories().isEmpty()) {
            bool.filter(terms("category", c.categories()));
        }
        if (!c.priorities().isEmpty()) {
            bool.filter(terms("priority", c.priorities()));
        }
        if (c.enforcement() != null) {
            bool.filter(term("decision.actions.state", c.enforcement().name()));
        }
        if (Boolean.TRUE.equals(c.held())) {
            bool.filter(q -> q.exists(e -> e.field("holds.requestId")));
        } else if (Boolean.FALSE.equals(c.held())) {
            bool.mustNot(q -> q.exists(e -> e.field("holds.requestId")));
        }
        if (c.holdRequestId() != null) {
            bool.filter(term("holds.requestId", c.holdRequestId().value()));
        }
        if (c.assignee() != null) {
            bool.filter(term("assignee", c.assignee()));
        }
        if (c.openedFrom() != null || c.openedTo() != null) {
            bool.filter(range("openedAt", c.openedFrom(), c.openedTo()));
        }
        if (c.slaDueFrom() != null || c.slaDueTo() != null) {
            bool.filter(range("slaDueAt", c.slaDueFrom(), c.slaDueTo()));
        }
        return bool.build()._toQuery();
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    /** Any of the values; region, status, category and priority are indexed as their {@code toString()}. */
    private static Query terms(String field, Collection<?> values) {
        List<FieldValue> any = values.stream().map(v -> FieldValue.of(v.toString())).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(any))));
    }

    /** From inclusive, to exclusive (as the API documents it). */
    private static Query range(String field, Instant from, Instant to) {
        return Query.of(q -> q.range(r -> r.date(d -> {
            d.field(field);
            if (from != null) d.gte(from.toString());
            if (to != null) d.lt(to.toString());
            return d;
        })));
    }

    private static <E extends Enum<E>> Map<E, Long> counts(SearchResponse<CaseDocument> response, String aggregation,
                                                           Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        for (StringTermsBucket bucket : response.aggregations().get(aggregation).sterms().buckets().array()) {
            counts.put(Enum.valueOf(type, bucket.key().stringValue()), bucket.docCount());
        }
        return Collections.unmodifiableMap(counts);
    }
}
