package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The assignee proposed how the case ends. {@code approvalRequired} says whether a lead must approve it (four eyes:
 * severe actions or money at risk over the region's threshold); when false, {@link CaseDecided} follows at once.
 */
@Revision("1")
public record DecisionProposed(CaseId caseId, DecisionId decisionId, Verdict verdict, List<String> policyRefs,
                               @PersonalData String rationale, List<PlannedAction> actions, DismissalLabel label, String proposedBy,
                               boolean approvalRequired, DecisionGround ground, @PersonalData String legalGround) {
    public DecisionProposed {
        // stored before grounds were recorded: every decision then was on the terms and conditions
        ground = ground == null ? DecisionGround.TERMS_AND_CONDITIONS : ground;
    }

    public DecisionProposed(CaseId caseId, DecisionId decisionId, Verdict verdict, List<String> policyRefs,
                            String rationale, List<PlannedAction> actions, DismissalLabel label, String proposedBy,
                            boolean approvalRequired) {
        this(caseId, decisionId, verdict, policyRefs, rationale, actions, label, proposedBy, approvalRequired,
                DecisionGround.TERMS_AND_CONDITIONS, null);
    }
}
