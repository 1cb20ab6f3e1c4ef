package casebook.cases.api.regulatory;

/** A document of the request kept elsewhere (the order, a court letter), by reference and SHA-256 (lower-case hex). */
public record DocumentRef(String reference, String sha256) {
    public static final int MAX_REFERENCE_LENGTH = 1_000;
    /** At most this many documents per request. */
    public static final int MAX_PER_REQUEST = 50;
}
