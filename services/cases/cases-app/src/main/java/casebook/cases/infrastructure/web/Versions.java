package casebook.cases.infrastructure.web;

/**
 * A case's version (the sequence number of its last event) as an HTTP entity tag: {@code "12"}. Clients send
 * it back in {@code If-Match}; a stale one answers 409 with the current version.
 */
public final class Versions {
    private Versions() {
    }

    public static String eTag(long version) {
        return "\"" + version + "\"";
    }

    /** The expected version from an {@code If-Match} header, or null when the caller sent none. */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            throw new IllegalArgumentException("If-Match must be a quoted version such as \"12\"");
        }
        try {
            return Long.parseLong(value.substring(1, value.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("If-Match must be a quoted version such as \"12\"");
        }
    }
}
