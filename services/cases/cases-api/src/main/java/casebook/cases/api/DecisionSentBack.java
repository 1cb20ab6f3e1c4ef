package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** A lead returned the proposal to the assignee; the case is in review again. */
@Revision("1")
public record DecisionSentBack(CaseId caseId, DecisionId decisionId, String sentBackBy, @PersonalData String comments) {
}
