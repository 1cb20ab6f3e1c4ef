package casebook.projections.casesearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import org.axonframework.eventhandling.DomainEventMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Case events collected for one write to the index: {@link #flush()} reads each case's document once (one mget),
 * applies the events in order, and writes every changed document in one bulk request. Each document is written
 * with its last event's sequence number as external version, so a write that another writer already made (409)
 * counts as done; any other failed item fails the whole flush, to be retried.
 */
final class CaseBatch {

    private final ElasticsearchClient es;
    private final String target;
    private final boolean targetIsAlias;
    private final Map<String, List<DomainEventMessage<?>>> eventsByCase = new LinkedHashMap<>();
    private int size;

    /**
     * @param target        the alias (live projection) or a concrete index (rebuild)
     * @param targetIsAlias when true, writes require {@code target} to be an alias, so a deleted index fails
     *                      loudly instead of being auto-created without the mapping
     */
    CaseBatch(ElasticsearchClient es, String target, boolean targetIsAlias) {
        this.es = es;
        this.target = target;
        this.targetIsAlias = targetIsAlias;
    }

    void add(DomainEventMessage<?> event) {
        eventsByCase.computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>()).add(event);
        size++;
    }

    int size() {
        return size;
    }

    /** Writes what was collected and empties the batch; throws if Elasticsearch did not take all of it. */
    void flush() {
        if (eventsByCase.isEmpty()) {
            return;
        }
        try {
            Map<String, CaseDocument> current = load();
            List<BulkOperation> writes = new ArrayList<>();
            eventsByCase.forEach((caseId, events) -> {
                CaseDocument before = current.get(caseId);
                CaseDocument after = before;
                for (DomainEventMessage<?> event : events) {
                    after = CaseDocument.apply(after, event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
                }
                if (after != before) {
                    writes.add(indexOperation(after));
                }
            });
            if (!writes.isEmpty()) {
                write(writes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        eventsByCase.clear();
        size = 0;
    }

    private Map<String, CaseDocument> load() throws IOException {
        @SuppressWarnings("rawtypes")
        MgetResponse<Map> found = es.mget(m -> m.index(target).ids(List.copyOf(eventsByCase.keySet())), Map.class);
        Map<String, CaseDocument> documents = new HashMap<>();
        for (@SuppressWarnings("rawtypes") MultiGetResponseItem<Map> item : found.docs()) {
            if (item.isFailure()) {
                throw new IndexingFailed("could not read case " + item.failure().id() + " from " + target + ": "
                                         + item.failure().error().reason());
            }
            if (item.result().found()) {
                documents.put(item.result().id(), CaseDocumentJson.document(item.result().source()));
            }
        }
        return documents;
    }

    private static BulkOperation indexOperation(CaseDocument document) {
        return BulkOperation.of(o -> o.index(i -> i.id(document.caseId().toString())
                .version(document.version()).versionType(VersionType.External)
                .document(CaseDocumentJson.source(document))));
    }

    private void write(List<BulkOperation> writes) throws IOException {
        BulkResponse response = es.bulk(b -> b.index(target).requireAlias(targetIsAlias).operations(writes));
        if (!response.errors()) {
            return;
        }
        List<String> failures = response.items().stream()
                .filter(item -> item.error() != null && !isVersionConflict(item))
                .map(item -> item.id() + ": " + item.error().type() + " " + item.error().reason())
                .toList();
        if (!failures.isEmpty()) {
            throw new IndexingFailed(failures.size() + " of " + writes.size() + " case documents were not written to "
                                     + target + ", e.g. " + failures.get(0));
        }
    }

    /** The document already holds this or a later event: another writer got there first. */
    private static boolean isVersionConflict(BulkResponseItem item) {
        return item.status() == 409;
    }
}
