package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/**
 * The subject contests decision {@code decisionId} of the case (DSA Art. 20): their statement and references to
 * their evidence. Accepted against a decided violation, within the region's appeal window, once per decision; the
 * same {@code appealId} again changes nothing (invariant 6). {@code subject}, when the filer names one (the
 * seller/creator centre does), must be the case's subject.
 */
public record FileAppeal(@TargetAggregateIdentifier CaseId caseId, AppealId appealId, DecisionId decisionId,
                         String statement, List<String> evidenceRefs, AppealChannel channel, SubjectRef subject,
                         Actor actor, @TargetAggregateVersion Long expectedVersion) implements ByActor {
    public static final int MAX_STATEMENT_LENGTH = 5_000;
    public static final int MAX_EVIDENCE_REFS = 20;
    public static final int MAX_EVIDENCE_REF_LENGTH = 1_000;

    public FileAppeal {
        evidenceRefs = evidenceRefs == null ? List.of() : List.copyOf(evidenceRefs);
    }

    /** An appeal that names no subject (support files it for the case's subject). */
    public FileAppeal(CaseId caseId, AppealId appealId, DecisionId decisionId, String statement,
                      List<String> evidenceRefs, AppealChannel channel, Actor actor, Long expectedVersion) {
        this(caseId, appealId, decisionId, statement, evidenceRefs, channel, null, actor, expectedVersion);
    }
}
