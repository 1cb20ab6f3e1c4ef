package casebook.cases.domain;

/** No such region for this caller: unknown, or outside the caller's regions (same answer, invariant 10). */
public class RegionNotFound extends RuntimeException {
    public RegionNotFound(String region) {
        super("region " + region + " not found");
    }
}
