package casebook.cases.api;

import java.time.Instant;
import java.util.List;

/**
 * What the subject of a decided violation is told (DSA Art. 17): the restrictions with their scope and duration;
 * the ground (terms and conditions with the policy references, or the law with {@code legalGround}); the facts and
 * circumstances relied on ({@code facts}, the decision's rationale) and that the case came from the platform's own
 * detection ({@code source}); whether detection and decision were automated (detection always is: flags come from
 * rules and models; the decision never is: a person decides); and the redress: an internal appeal until
 * {@code appealBy}, out-of-court dispute settlement, the courts.
 */
public record StatementOfReasons(List<Restriction> restrictions, DecisionGround ground, @PersonalData String legalGround,
                                 List<String> policyRefs, @PersonalData String facts, String source, boolean automatedDetection,
                                 String automatedDecision, Instant decidedAt, Instant appealBy, List<String> redress) {
    /** The DSA Transparency Database's names for what Casebook always states. */
    public static final String SOURCE_OWN_INITIATIVE = "SOURCE_VOLUNTARY";
    public static final String NOT_AUTOMATED = "AUTOMATED_DECISION_NOT_AUTOMATED";
    public static final List<String> REDRESS = List.of("INTERNAL_COMPLAINT", "OUT_OF_COURT_SETTLEMENT", "JUDICIAL");

    public StatementOfReasons {
        restrictions = List.copyOf(restrictions);
        policyRefs = List.copyOf(policyRefs);
        redress = List.copyOf(redress);
    }
}
