package casebook.cases.api;

/** The answer to {@link RaiseFlags}: which case holds the flag, and whether it had been raised before. */
public record FlagReceipt(FlagId flagId, CaseId caseId, boolean duplicate) {
}
