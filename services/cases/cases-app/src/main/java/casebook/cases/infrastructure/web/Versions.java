package casebook.cases.infrastructure.web;

/**
 * A case's version (the sequence number of its last event) as an HTTP entity tag: {@code "12"}. Clients send
 * it back in {@code If-Match} on writes (a stale one answers 409 with the current version) and in
 * {@code If-None-Match} on reads (still current: 304).
 */
public final class Versions {
    private Versions() {
    }

    public static String eTag(long version) {
        return "\"" + version + "\"";
    }

    /** The expected version from an {@code If-Match} header, or null when the caller sent none. */
    public static Long fromIfMatch(String ifMatch) {
        return parse("If-Match", ifMatch);
    }

    /** The version the caller holds, from an {@code If-None-Match} header, or null when the caller sent none. */
    public static Long fromIfNoneMatch(String ifNoneMatch) {
        return parse("If-None-Match", ifNoneMatch);
    }

    private static Long parse(String header, String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String value = tag.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            throw new IllegalArgumentException(header + " must be a quoted version such as \"12\"");
        }
        try {
            return Long.parseLong(value.substring(1, value.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(header + " must be a quoted version such as \"12\"");
        }
    }
}
