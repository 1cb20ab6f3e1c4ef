package casebook.cases.domain.hold;

import casebook.cases.api.CaseId;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.domain.CaseRuleBroken;

import java.util.List;

/** An erasure refused because cases of the subject are under legal hold (invariant 8); it names every hold. */
public class SubjectUnderLegalHold extends CaseRuleBroken {
    public static final String CODE = "subject-under-legal-hold";
    private final List<Held> holds;

    /** A case of the subject and the request that holds it. */
    public record Held(CaseId caseId, RegulatoryRequestId requestId) {
    }

    public SubjectUnderLegalHold(List<Held> holds) {
        super(CODE, "the subject's personal data cannot be erased while " + holds.size() + " legal hold(s) keep it: "
                + String.join(", ", holds.stream().limit(20)
                .map(h -> "case " + h.caseId() + " for request " + h.requestId().value()).toList())
                + (holds.size() > 20 ? ", ..." : ""));
        this.holds = List.copyOf(holds);
    }

    public List<Held> holds() {
        return holds;
    }
}
