package casebook.cases.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A case as the search read model holds it. {@code version} is the sequence number of its last event;
 * {@code slaDueAt} and {@code decisionDueAt} its deadlines for first assignment and decision, {@code slaBreaches}
 * the ones it missed; {@code mergedInto} the case a duplicate was merged into; {@code nextDueAt} the one it works towards now (none once decided or closed; an appealed case's appeal review); {@code resolution} and {@code closedAt} are set while it is closed;
 * {@code appeals} are the appeals of its decisions, oldest first; {@code disclosures} the approved disclosure packages
 * that disclosed it; {@code holds} its legal holds, oldest first, and {@code erasedAt} when its personal data was
 * erased (null unless it was).
 */
public record CaseView(CaseId caseId, SubjectRef subject, Region region, RiskCategory category, CaseStatus status,
                       Priority priority, String assignee, int flagCount, BigDecimal maxScore, Money moneyAtRisk,
                       Signals signals, List<FlagSummary> flags, List<Note> notes, Instant openedAt,
                       Instant slaDueAt, Instant updatedAt, long version, Decision decision, boolean escalated,
                       Instant decisionDueAt, List<SlaStage> slaBreaches, Instant nextDueAt,
                       ResolutionCode resolution, Instant closedAt, List<EvidenceItem> evidence,
                       List<LinkedEntity> links, CaseId mergedInto, List<Appeal> appeals,
                       List<Disclosure> disclosures, List<Hold> holds, Instant erasedAt) {

    public CaseView {
        appeals = appeals == null ? List.of() : List.copyOf(appeals);
        disclosures = disclosures == null ? List.of() : List.copyOf(disclosures);
        holds = holds == null ? List.of() : List.copyOf(holds);
    }

    /** An approved disclosure package that disclosed the case (docs/adr/0020). */
    public record Disclosure(casebook.cases.api.regulatory.RegulatoryRequestId requestId,
                             casebook.cases.api.regulatory.DisclosureId disclosureId, List<DisclosableField> fields,
                             List<DisclosableField> redacted, casebook.cases.api.regulatory.Authority recipient,
                             String legalBasis, String preparedBy, String approvedBy, Instant approvedAt) {
        public static Disclosure of(DisclosureRecorded recorded) {
            return new Disclosure(recorded.requestId(), recorded.disclosureId(), recorded.fields(),
                    recorded.redacted(), recorded.recipient(), recorded.legalBasis(), recorded.preparedBy(),
                    recorded.approvedBy(), recorded.approvedAt());
        }
    }

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

    /**
     * The decision waiting for approval ({@code PROPOSED}) or taken ({@code TAKEN}); null before and when sent back.
     * {@code statementOfReasons} is what the subject of a decided violation was told (null otherwise).
     */
    public record Decision(DecisionId decisionId, Verdict verdict, State state, List<String> policyRefs,
                           String rationale, List<Action> actions, DismissalLabel label, String proposedBy,
                           boolean approvalRequired, String approvedBy, Statement statementOfReasons) {
        public enum State { PROPOSED, TAKEN }

        public Decision withActions(List<Action> changed) {
            return new Decision(decisionId, verdict, state, policyRefs, rationale, changed, label, proposedBy,
                    approvalRequired, approvedBy, statementOfReasons);
        }

        public Decision withStatement(Statement statement) {
            return new Decision(decisionId, verdict, state, policyRefs, rationale, actions, label, proposedBy,
                    approvalRequired, approvedBy, statement);
        }
    }

    /** The statement of reasons of a decided violation as the case shows it: ground, restrictions, appeal window. */
    public record Statement(DecisionGround ground, String legalGround, List<Restriction> restrictions,
                            Instant decidedAt, Instant appealBy) {
    }

    /**
     * An appeal of one of the case's decisions: {@code FILED} (under review, due by {@code reviewDueAt}) or
     * {@code DECIDED} with its outcome, a ruling per action, the reviewer's reasons.
     */
    public record Appeal(AppealId appealId, DecisionId decisionId, Status status, Instant filedAt, String filedBy,
                         AppealChannel channel, String statement, List<String> evidenceRefs, Instant reviewDueAt,
                         AppealOutcome outcome, List<ActionRuling> rulings, String rationale, String reviewedBy,
                         Instant decidedAt) {
        public enum Status { FILED, DECIDED }

        public Appeal {
            evidenceRefs = evidenceRefs == null ? List.of() : List.copyOf(evidenceRefs);
            rulings = rulings == null ? List.of() : List.copyOf(rulings);
        }
    }

    /**
     * An enforcement action of a decision; {@code actionId} and {@code state} are null until the decision is taken.
     * {@code failure} is the reason of the last failure, {@code attempt} how often it was ordered; {@code reverses}
     * is set on the reversal of an action overturned on appeal (the action it undoes).
     */
    public record Action(ActionId actionId, EnforcementAction action, Map<String, String> parameters,
                         EnforcementState state, int attempt, String failure, ActionId reverses) {
    }
}
