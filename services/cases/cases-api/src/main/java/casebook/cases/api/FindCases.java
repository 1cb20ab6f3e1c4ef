package casebook.cases.api;

/** Searches the cases the caller's regions allow; answers a {@link CasePage}. */
public record FindCases(CaseSearchCriteria criteria, RegionScope scope) {
}
