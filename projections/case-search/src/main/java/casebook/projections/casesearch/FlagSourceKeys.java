package casebook.projections.casesearch;

import casebook.cases.api.FlagSource;

/**
 * How a case document lists the sources of its flags ({@code flagSources}, a keyword per source) for the lead's
 * figures: {@code KIND:<length of version>:<version>:<id>}, e.g. {@code MODEL:5:3.2.0:brushing-detector}. Readable
 * and unambiguous whatever characters ids and versions hold.
 */
final class FlagSourceKeys {
    private FlagSourceKeys() {
    }

    static String of(FlagSource source) {
        return source.kind().name() + ":" + source.version().length() + ":" + source.version() + ":" + source.id();
    }

    static FlagSource source(String key) {
        int kindEnd = key.indexOf(':');
        int lengthEnd = key.indexOf(':', kindEnd + 1);
        int versionStart = lengthEnd + 1;
        int versionEnd = versionStart + Integer.parseInt(key.substring(kindEnd + 1, lengthEnd));
        return new FlagSource(FlagSource.Kind.valueOf(key.substring(0, kindEnd)), key.substring(versionEnd + 1),
                              key.substring(versionStart, versionEnd));
    }
}
