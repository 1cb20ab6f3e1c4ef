package casebook.cases.api;

/** One case, if it exists inside the caller's regions; answers a {@link CaseView} or nothing. */
public record FindCase(CaseId caseId, RegionScope scope) {
}
