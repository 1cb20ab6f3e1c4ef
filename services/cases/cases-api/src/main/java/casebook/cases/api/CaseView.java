package casebook.cases.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A case as the search read model holds it. {@code version} is the sequence number of its last event;
 * {@code slaDueAt} and {@code decisionDueAt} its deadlines for first assignment and decision, {@code slaBreaches}
 * the ones it missed; {@code mergedInto} the case a duplicate was merged into; {@code nextDueAt} the one it works towards now (none once decided or closed); {@code resolution} and {@code closedAt} are set while it is closed; {@code holds} are its legal holds, oldest first, and {@code erasedAt} when its personal data was erased (null unless it was).
 */
public record CaseView(CaseId caseId, SubjectRef subject, Region region, RiskCategory category, CaseStatus status,
                       Priority priority, String assignee, int flagCount, BigDecimal maxScore, Money moneyAtRisk,
                       Signals signals, List<FlagSummary> flags, List<Note> notes, Instant openedAt,
                       Instant slaDueAt, Instant updatedAt, long version, Decision decision, boolean escalated,
                       Instant decisionDueAt, List<SlaStage> slaBreaches, Instant nextDueAt,
                       ResolutionCode resolution, Instant closedAt, List<EvidenceItem> evidence,
                       List<LinkedEntity> links, CaseId mergedInto, List<Hold> holds, Instant erasedAt) {

    /** A legal hold on the case, for the regulatory request that justifies it (invariant 8). */
    public record Hold(casebook.cases.api.regulatory.RegulatoryRequestId requestId, String placedBy, Instant placedAt) {
    }

    public record FlagSummary(FlagId flagId, FlagSource source, BigDecimal score, Instant observedAt) {
    }

    public record Note(NoteId noteId, String author, String text, Instant addedAt) {
    }

    /** A piece of evidence on the case, by reference, and when it was attached. */
    public record EvidenceItem(EvidenceId evidenceId, EvidenceKind kind, String reference, String sha256,
                               String addedBy, String note, Instant addedAt) {
    }

    /** The decision waiting for approval ({@code PROPOSED}) or taken ({@code TAKEN}); null before and when sent back. */
    public record Decision(DecisionId decisionId, Verdict verdict, State state, List<String> policyRefs,
                           String rationale, List<Action> actions, DismissalLabel label, String proposedBy,
                           boolean approvalRequired, String approvedBy) {
        public enum State { PROPOSED, TAKEN }
    }

    /**
     * An enforcement action of a decision; {@code actionId} and {@code state} are null until the decision is taken.
     * {@code failure} is the reason of the last failure, {@code attempt} how often it was ordered.
     */
    public record Action(ActionId actionId, EnforcementAction action, Map<String, String> parameters,
                         EnforcementState state, int attempt, String failure) {
    }
}
