package casebook.cases.api;

/**
 * The other cases inside the caller's regions that share a device id, IP, payment fingerprint or linked account
 * with the given case (how rings are found); answers {@link RelatedCases}, or nothing when the case itself is not
 * visible.
 */
public record FindRelatedCases(CaseId caseId, RegionScope scope) {
    /** The most related cases answered, strongest first. */
    public static final int LIMIT = 50;
}
