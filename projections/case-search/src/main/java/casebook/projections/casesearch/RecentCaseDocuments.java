package casebook.projections.casesearch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The case documents this process wrote last (a bounded, least-recently-used set), so that a batch whose events
 * continue a remembered document does not read it back from the index first. A remembered document is used only
 * when its version is exactly the sequence number before the batch's first event of that case: then it holds every
 * earlier event, whichever process wrote the index since. Otherwise the index is asked, as without this.
 */
final class RecentCaseDocuments {

    /** Enough for the cases active within minutes on one instance; a few KB each. */
    static final int CAPACITY = 10_000;

    private final Map<String, CaseDocument> documents;

    RecentCaseDocuments(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
        }
        this.documents = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CaseDocument> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The remembered document of the case if it holds exactly the events up to {@code sequenceNumber}. */
    synchronized CaseDocument upTo(String caseId, long sequenceNumber) {
        CaseDocument document = documents.get(caseId);
        return document != null && document.version() == sequenceNumber ? document : null;
    }

    synchronized void remember(CaseDocument document) {
        documents.put(document.caseId().toString(), document);
    }
}
