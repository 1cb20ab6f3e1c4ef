package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/**
 * The assignee proposes how the case ends: a violation with policy references, rationale and enforcement actions
 * that fit the subject kind, or no violation with rationale and a label for the models. Severe proposals wait for
 * a lead's approval; the others take effect at once. A violation's {@code ground} is the terms and conditions (the
 * policy references) or the law ({@code legalGround} names it): both go into the statement of reasons (DSA Art. 17).
 */
public record ProposeDecision(@TargetAggregateIdentifier CaseId caseId, DecisionId decisionId, Verdict verdict,
                              List<String> policyRefs, String rationale, List<PlannedAction> actions,
                              DismissalLabel label, DecisionGround ground, String legalGround, Actor actor,
                              @TargetAggregateVersion Long expectedVersion) implements ByActor {
    public static final int MAX_POLICY_REFS = 20;
    public static final int MAX_POLICY_REF_LENGTH = 200;
    public static final int MAX_RATIONALE_LENGTH = 5_000;
    public static final int MAX_ACTIONS = 10;
    public static final int MAX_LEGAL_GROUND_LENGTH = 2_000;

    public ProposeDecision {
        policyRefs = policyRefs == null ? List.of() : List.copyOf(policyRefs);
        actions = actions == null ? List.of() : List.copyOf(actions);
        ground = ground == null ? DecisionGround.TERMS_AND_CONDITIONS : ground;
    }

    /** A decision on the terms and conditions (the policy references are its contractual ground). */
    public ProposeDecision(CaseId caseId, DecisionId decisionId, Verdict verdict, List<String> policyRefs,
                           String rationale, List<PlannedAction> actions, DismissalLabel label, Actor actor,
                           Long expectedVersion) {
        this(caseId, decisionId, verdict, policyRefs, rationale, actions, label, DecisionGround.TERMS_AND_CONDITIONS,
                null, actor, expectedVersion);
    }
}
