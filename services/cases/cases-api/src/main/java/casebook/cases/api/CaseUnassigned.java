package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** A case went back to its region's queue. */
@Revision("1")
public record CaseUnassigned(CaseId caseId, String previousAssignee) {
}
