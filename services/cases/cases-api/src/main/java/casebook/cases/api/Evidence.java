package casebook.cases.api;

/**
 * A reference to evidence kept elsewhere: its {@code reference} (a URI or an object key), its SHA-256 {@code sha256}
 * (lower-case hex) so that anyone can check the file is the one that was attached, who added it and why.
 */
public record Evidence(EvidenceId evidenceId, EvidenceKind kind, @PersonalData String reference, String sha256,
                       String addedBy, @PersonalData String note) {
    public static final int MAX_REFERENCE_LENGTH = 1_000;
    public static final int MAX_NOTE_LENGTH = 2_000;
    /** At most this many pieces of evidence per case. */
    public static final int MAX_PER_CASE = 500;
}
