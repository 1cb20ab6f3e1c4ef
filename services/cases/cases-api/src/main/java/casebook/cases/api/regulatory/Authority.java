package casebook.cases.api.regulatory;

/** Who sends a request: an authority's name (a regulator, a court, a police unit) and its jurisdiction. */
public record Authority(String name, String jurisdiction) {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_JURISDICTION_LENGTH = 100;
}
