package casebook.projections.casesearch;

/** Elasticsearch did not take a write of case documents; the batch is retried, never skipped. */
final class IndexingFailed extends RuntimeException {
    IndexingFailed(String message) {
        super(message);
    }
}
