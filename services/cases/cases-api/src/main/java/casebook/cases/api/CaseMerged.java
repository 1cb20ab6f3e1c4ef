package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** This case was a duplicate and was merged into {@code into}; it is closed ({@link ResolutionCode#DUPLICATE}). */
@Revision("1")
public record CaseMerged(CaseId caseId, CaseId into, @PersonalData String reason, String mergedBy) {
}
