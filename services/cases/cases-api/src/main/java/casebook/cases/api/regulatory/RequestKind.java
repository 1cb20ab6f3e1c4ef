package casebook.cases.api.regulatory;

/** What an authority asks for. */
public enum RequestKind {
    INFORMATION_REQUEST, PRESERVATION_ORDER, TAKEDOWN_ORDER, OTHER
}
