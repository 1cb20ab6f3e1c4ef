package casebook.cases.api;

/**
 * What of a case a disclosure package can hold: a fixed catalogue, each field included as it is or redacted
 * (docs/adr/0020). The content is never stored with the disclosure: it is read from the case's events when the
 * package is read.
 */
public enum DisclosableField {
    SUBJECT, SIGNALS, FLAGS, NOTES, EVIDENCE, LINKED_ENTITIES, DECISION, STATEMENT_OF_REASONS, TIMELINE
}
