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
 * Case events collected for one write to the index: {@link #flush()} takes each case's document from the
 * {@link RecentCaseDocuments} when it continues one exactly, starts it afresh when the batch holds the case's first
 * event, and reads the others once (one mget); then applies the events in order and writes every changed document
 * in one bulk request. Each document is written with its last event's sequence number as external version, so a
 * write that another writer already made (409) counts as done; any other failed item fails the whole flush, to be
 * retried.
 */
final class CaseBatch {

    private final ElasticsearchClient es;
    private final String target;
    private final boolean targetIsAlias;
    private final RecentCaseDocuments recent;
    private final Map<String, List<DomainEventMessage<?>>> eventsByCase = new LinkedHashMap<>();
    private int size;

    /**
     * @param es            a client reading case documents ({@link CaseIndex#client()})
     * @param target        the alias (live projection) or a concrete index (rebuild)
     * @param targetIsAlias when true, writes require {@code target} to be an alias, so a deleted index fails
     *                      loudly instead of being auto-created without the mapping
     * @param recent        the documents last written to {@code target} by this process
     */
    CaseBatch(ElasticsearchClient es, String target, boolean targetIsAlias, RecentCaseDocuments recent) {
        this.es = es;
        this.target = target;
        this.targetIsAlias = targetIsAlias;
        this.recent = recent;
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
            Map<String, CaseDocument> current = currentDocuments();
            List<BulkOperation> writes = new ArrayList<>();
            List<CaseDocument> written = new ArrayList<>();
            eventsByCase.forEach((caseId, events) -> {
                CaseDocument before = current.get(caseId);
                CaseDocument after = before;
                for (DomainEventMessage<?> event : events) {
                    after = CaseDocument.apply(after, event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
                }
                if (after != before) {
                    writes.add(indexOperation(after));
                    written.add(after);
                }
            });
            if (!writes.isEmpty()) {
                write(writes);
                written.forEach(recent::remember);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        eventsByCase.clear();
        size = 0;
    }

    /** Each case's document as it was before this batch's first event of the case (absent for a new case). */
    private Map<String, CaseDocument> currentDocuments() throws IOException {
        Map<String, CaseDocument> documents = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        eventsByCase.forEach((caseId, events) -> {
            long first = events.get(0).getSequenceNumber();
            if (first == 0) {
                return; // the case starts in this batch
            }
            CaseDocument known = recent.upTo(caseId, first - 1);
            if (known != null) {
                documents.put(caseId, known);
            } else {
                unknown.add(caseId);
            }
        });
        if (!unknown.isEmpty()) {
            documents.putAll(load(unknown));
        }
        return documents;
    }

    private Map<String, CaseDocument> load(List<String> caseIds) throws IOException {
        MgetResponse<CaseDocument> found = es.mget(m -> m.index(target).ids(caseIds), CaseDocument.class);
        Map<String, CaseDocument> documents = new HashMap<>();
        for (MultiGetResponseItem<CaseDocument> item : found.docs()) {
            if (item.isFailure()) {
                throw new IndexingFailed("could not read case " + item.failure().id() + " from " + target + ": "
                                         + item.failure().error().reason());
            }
            if (item.result().found()) {
                documents.put(item.result().id(), item.result().source());
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
