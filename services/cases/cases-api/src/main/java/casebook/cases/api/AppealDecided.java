package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The appeal was decided: upheld, overturned or partially overturned, with a ruling per action and the reasons.
 * Each overturned action is reversed ({@link ReversalOrdered}); the outcome goes to the subject.
 */
@Revision("1")
public record AppealDecided(CaseId caseId, AppealId appealId, DecisionId decisionId, AppealOutcome outcome,
                            List<ActionRuling> rulings, @PersonalData String rationale, String reviewedBy) {
}
