package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** A case was assigned; {@code previousAssignee} is set on a reassignment. */
@Revision("1")
public record CaseAssigned(CaseId caseId, String assignee, String previousAssignee) {
}
