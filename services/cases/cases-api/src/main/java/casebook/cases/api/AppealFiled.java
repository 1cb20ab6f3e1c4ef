package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * An appeal against the case's decision was accepted: the case is {@code APPEALED} and in its region's appeal
 * queue, to be reviewed by {@code reviewDueAt} (else the case goes to the lead).
 */
@Revision("1")
public record AppealFiled(CaseId caseId, AppealId appealId, DecisionId decisionId, @PersonalData String statement,
                          @PersonalData List<String> evidenceRefs, AppealChannel channel, String filedBy, Instant reviewDueAt) {
}
