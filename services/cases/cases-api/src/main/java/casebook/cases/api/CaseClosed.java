package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** The case was closed with a resolution code; it may be reopened (docs/adr/0011). */
@Revision("1")
public record CaseClosed(CaseId caseId, ResolutionCode resolution, @PersonalData String note, String closedBy) {
}
