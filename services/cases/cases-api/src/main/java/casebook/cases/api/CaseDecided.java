package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The case is decided: a confirmed violation orders its enforcement actions (each published once, by its id, to
 * {@code casebook.enforcement.v1}); no violation dismisses the case. {@code approvedBy} is the lead who approved
 * it, or null where no approval was required. {@code subject} is the case's, for the enforcement systems.
 */
@Revision("1")
public record CaseDecided(CaseId caseId, DecisionId decisionId, SubjectRef subject, Verdict verdict, List<String> policyRefs,
                          @PersonalData String rationale, List<OrderedAction> actions, DismissalLabel label, String decidedBy,
                          String approvedBy) {
}
