package casebook.cases.api;

/** An account, device, IP, payment instrument or order an investigator tied to the case, with why. */
public record LinkedEntity(EntityKind kind, @PersonalData String value, String linkedBy, @PersonalData String note) {
    public static final int MAX_VALUE_LENGTH = 256;
    public static final int MAX_NOTE_LENGTH = 2_000;
    /** At most this many linked entities per case. */
    public static final int MAX_PER_CASE = 1_000;
}
