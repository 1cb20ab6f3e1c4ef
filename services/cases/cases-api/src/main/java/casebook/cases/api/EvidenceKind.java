package casebook.cases.api;

/** What a piece of evidence is; the evidence itself stays in its store, the case keeps a reference and a hash. */
public enum EvidenceKind {
    SCREENSHOT, DOCUMENT, ORDER_EXPORT, CHAT_LOG, TRANSACTION_LOG, DEVICE_REPORT, OTHER
}
