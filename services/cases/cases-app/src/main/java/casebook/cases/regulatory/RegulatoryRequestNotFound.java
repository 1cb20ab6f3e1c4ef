package casebook.cases.regulatory;

/** No such regulatory request, or none the caller may see: answered 404 like an unknown id. */
class RegulatoryRequestNotFound extends RuntimeException {
    RegulatoryRequestNotFound(String requestId) {
        super("no regulatory request " + requestId);
    }
}
