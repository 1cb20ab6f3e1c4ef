package casebook.cases.domain;

import casebook.cases.api.Actor;
import casebook.cases.api.ActionId;
import casebook.cases.api.AddEvidence;
import casebook.cases.api.AddNote;
import casebook.cases.api.CaseMerged;
import casebook.cases.api.DuplicateAbsorbed;
import casebook.cases.api.EntityLinked;
import casebook.cases.api.EntityUnlinked;
import casebook.cases.api.Evidence;
import casebook.cases.api.EvidenceAdded;
import casebook.cases.api.LinkEntity;
import casebook.cases.api.LinkedEntity;
import casebook.cases.api.UnlinkEntity;
import casebook.cases.api.MergeCases;
import casebook.cases.api.ApproveDecision;
import casebook.cases.api.AssignCase;
import casebook.cases.api.AttachFlag;
import casebook.cases.api.CaseAssigned;
import casebook.cases.api.CaseClosed;
import casebook.cases.api.CaseReopened;
import casebook.cases.api.CloseCase;
import casebook.cases.api.ReopenCase;
import casebook.cases.api.ResolutionCode;
import casebook.cases.api.CaseDecided;
import casebook.cases.api.CaseDeescalated;
import casebook.cases.api.CaseEscalated;
import casebook.cases.api.CaseId;
import casebook.cases.api.CaseOpened;
import casebook.cases.api.CaseStatus;
import casebook.cases.api.CaseUnassigned;
import casebook.cases.api.DecisionProposed;
import casebook.cases.api.DecisionSentBack;
import casebook.cases.api.DeescalateCase;
import casebook.cases.api.EnforcementAction;
import casebook.cases.api.EnforcementApplied;
import casebook.cases.api.EnforcementFailed;
import casebook.cases.api.EnforcementOutcome;
import casebook.cases.api.EnforcementRetried;
import casebook.cases.api.EnforcementState;
import casebook.cases.api.EscalateCase;
import casebook.cases.api.Flag;
import casebook.cases.api.FlagAttached;
import casebook.cases.api.FlagId;
import casebook.cases.api.Money;
import casebook.cases.api.NoteAdded;
import casebook.cases.api.OpenCase;
import casebook.cases.api.OrderedAction;
import casebook.cases.api.PlannedAction;
import casebook.cases.api.Priority;
import casebook.cases.api.PriorityRaised;
import casebook.cases.api.ProposeDecision;
import casebook.cases.api.RecordEnforcementResult;
import casebook.cases.api.Region;
import casebook.cases.api.RetryEnforcement;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Role;
import casebook.cases.api.SendBackDecision;
import casebook.cases.api.SlaBreached;
import casebook.cases.api.SlaStage;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.UnassignCase;
import casebook.cases.api.Verdict;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A risk case about one subject and category in one region. It only decides: one guard per rule, state
 * changes only in event sourcing handlers. Command handlers answer the case's version after the change.
 */
@Aggregate(repository = "riskCaseRepository")
// 2: exposureByCurrency and noteCount added; snapshots of revision 1 lack them and are ignored (replayed instead)
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RiskCase {
    /** Metadata key of the case's region, stamped on every event of the case by {@link #record}. */
    public static final String REGION = "region";
    /** Metadata key of who acted, on every event (invariant 9); stamped from the command or the deadline. */
    public static final String ACTOR = "actor";
    /** Metadata key of why, where the caller or the deadline gave a reason (invariant 9). */
    public static final String REASON = "reason";
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ONE_TOKEN = Pattern.compile("[^\\s\\p{Cntrl}]+");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    @AggregateIdentifier
    private CaseId id;
    private SubjectRef subject;
    private Region region;
    private RiskCategory category;
    private CaseStatus status;
    private Priority priority;
    private Instant openedAt;
    private Instant slaDueAt;
    private Instant decisionDueAt;
    /** Where the decision clock started: the opening, or the latest reopening. */
    private Instant decisionClockFrom;
    private boolean everAssigned;
    private Set<SlaStage> breached = new HashSet<>();
    private String assignee;
    private Set<RiskCategory> categories = new HashSet<>();
    private Set<FlagId> flagIds = new HashSet<>();
    private List<Evidence> evidence = new ArrayList<>();
    private Map<String, LinkedEntity> entities = new LinkedHashMap<>();
    private int noteCount;
    private CaseId mergedInto;
    private BigDecimal maxScore = BigDecimal.ZERO;
    private Money moneyAtRisk;
    /** The largest single-flag money at risk in each currency the case has seen (four eyes compares them all). */
    private Map<String, Money> exposureByCurrency = new LinkedHashMap<>();
    private DecisionProposed proposal;
    private boolean escalated;
    private CaseDecided decision;
    private List<Enforcement> enforcement = new ArrayList<>();
    private ResolutionCode resolution;

    /** One ordered action of the decision and where it stands. */
    record Enforcement(OrderedAction action, int attempt, EnforcementState state) {
        Enforcement with(int newAttempt, EnforcementState newState) {
            return new Enforcement(action, newAttempt, newState);
        }
    }

    protected RiskCase() {
        // for Axon
    }

    @CommandHandler
    public RiskCase(OpenCase command, SlaPolicy sla, DeadlineManager deadlines) {
        Flag flag = command.flag();
        Priority initial = SubjectKindPolicy.of(flag.subject().kind())
                .priorityOf(flag.category(), flag.score(), flag.moneyAtRisk());
        Instant at = now();
        Instant assignBy = at.plus(sla.target(SlaStage.FIRST_ASSIGNMENT, flag.region(), initial));
        Instant decideBy = at.plus(sla.target(SlaStage.DECISION, flag.region(), initial));
        record(new CaseOpened(command.caseId(), flag.subject(), flag.region(), flag.category(), initial, assignBy,
                decideBy), flag.region());
        record(new FlagAttached(command.caseId(), flag), flag.region());
        // one deadline at a time: the decision's is scheduled when the first one is met or missed
        new SlaDeadline(SlaStage.FIRST_ASSIGNMENT, assignBy).schedule(deadlines);
    }

    @CommandHandler
    public long handle(AttachFlag command, SlaPolicy sla, DeadlineManager deadlines) {
        Flag flag = command.flag();
        requireSameSubject(flag);
        if (flagIds.contains(flag.flagId())) {
            return getVersion();
        }
        if (status == CaseStatus.CLOSED) {
            // the intake routes a flag to a closed case only within the reopen window (docs/adr/0011)
            reopen("new flag " + flag.flagId() + " from " + flag.source().id(), flag.source().id(), sla, deadlines);
        }
        record(new FlagAttached(id, flag));
        reprioritize(sla, deadlines);
        return getVersion();
    }

    /** After new flags: a more urgent priority and earlier deadlines where the new priority demands them. */
    private void reprioritize(SlaPolicy sla, DeadlineManager deadlines) {
        Priority now = SubjectKindPolicy.of(subject.kind()).priorityOf(category, maxScore, moneyAtRisk);
        if (now.isMoreUrgentThan(priority)) {
            Instant assignBy = earlier(slaDueAt, openedAt.plus(sla.target(SlaStage.FIRST_ASSIGNMENT, region, now)));
            Instant decideBy = earlier(decisionDueAt, decisionClockFrom.plus(sla.target(SlaStage.DECISION, region, now)));
            boolean assignSooner = !assignBy.equals(slaDueAt);
            boolean decideSooner = !decideBy.equals(decisionDueAt);
            record(new PriorityRaised(id, priority, now, assignBy, decideBy));
            if (assignSooner && !met(SlaStage.FIRST_ASSIGNMENT)) {
                new SlaDeadline(SlaStage.FIRST_ASSIGNMENT, assignBy).schedule(deadlines);
            }
            if (decideSooner && decisionClockRunning() && !met(SlaStage.DECISION)) {
                new SlaDeadline(SlaStage.DECISION, decideBy).schedule(deadlines);
            }
        }
    }

    /**
     * A deadline passed: if its stage is still unmet and this is the case's current deadline for it, the case records
     * the breach once, becomes one step more urgent and goes to the region's lead (unless it is there already).
     */
    @DeadlineHandler(deadlineName = SlaDeadline.NAME)
    void on(SlaDeadline deadline, DeadlineManager deadlines) {
        SlaStage stage = deadline.stage();
        Instant current = stage == SlaStage.FIRST_ASSIGNMENT ? slaDueAt : decisionDueAt;
        if (met(stage) || breached.contains(stage) || !deadline.dueAt().equals(current)) {
            return;
        }
        record(new SlaBreached(id, stage, current));
        if (stage == SlaStage.FIRST_ASSIGNMENT) {
            scheduleDecisionDeadline(deadlines);
        }
        if (priority != Priority.P1) {
            record(new PriorityRaised(id, priority, priority.raised(), slaDueAt, decisionDueAt));
        }
        if (!escalated) {
            record(new CaseEscalated(id, "SLA breached: " + (stage == SlaStage.FIRST_ASSIGNMENT
                    ? "not assigned" : "not decided") + " by " + current, SlaDeadline.ACTOR));
        }
    }

    /**
     * The decision's deadline is scheduled once the first one is behind the case (met or missed); until then only
     * the first assignment's deadline is scheduled, which keeps one deadline per new case on the intake path.
     */
    private boolean decisionClockRunning() {
        return everAssigned || breached.contains(SlaStage.FIRST_ASSIGNMENT);
    }

    private void scheduleDecisionDeadline(DeadlineManager deadlines) {
        if (decisionDueAt != null && !met(SlaStage.DECISION)) {
            new SlaDeadline(SlaStage.DECISION, decisionDueAt).schedule(deadlines);
        }
    }

    private boolean met(SlaStage stage) {
        if (status == CaseStatus.CLOSED) {
            return true;
        }
        return switch (stage) {
            case FIRST_ASSIGNMENT -> everAssigned || decision != null;
            case DECISION -> decision != null;
        };
    }

    private static Instant earlier(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    @CommandHandler
    public long handle(AssignCase command, DeadlineManager deadlines) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.ANALYST, Role.LEAD);
        requireStatus(CaseStatus.OPEN, CaseStatus.IN_REVIEW);
        requireAnalystsAssignOnlyThemselves(actor, command.assignee());
        if (!command.assignee().equals(assignee)) {
            boolean first = !decisionClockRunning();
            record(new CaseAssigned(id, command.assignee(), assignee));
            if (first) {
                scheduleDecisionDeadline(deadlines);
            }
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(UnassignCase command) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.ANALYST, Role.LEAD);
        requireStatus(CaseStatus.IN_REVIEW);
        requireAnalystsAssignOnlyThemselves(actor, assignee);
        record(new CaseUnassigned(id, assignee));
        return getVersion();
    }

    @CommandHandler
    public long handle(AddNote command) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.ANALYST, Role.LEAD, Role.LEGAL);
        requireText("note-text", "note", command.text(), AddNote.MAX_TEXT_LENGTH);
        if (noteCount >= AddNote.MAX_PER_CASE) {
            throw new CaseRuleBroken("too-many-notes", "a case holds at most " + AddNote.MAX_PER_CASE + " notes");
        }
        record(new NoteAdded(id, command.noteId(), actor.userId(), command.text().strip()));
        return getVersion();
    }

    @CommandHandler
    public long handle(AddEvidence command) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.ANALYST, Role.LEAD, Role.LEGAL);
        requireNotMerged();
        if (command.evidenceId() == null || command.kind() == null) {
            throw new CaseRuleBroken("evidence-invalid", "evidence needs an id and a kind");
        }
        requireText("evidence-invalid", "reference", command.reference(), Evidence.MAX_REFERENCE_LENGTH);
        if (!ONE_TOKEN.matcher(command.reference()).matches()) {
            throw new CaseRuleBroken("evidence-invalid", "the reference is a URI or an object key: no spaces or"
                    + " control characters");
        }
        if (command.sha256() == null || !SHA_256.matcher(command.sha256()).matches()) {
            throw new CaseRuleBroken("evidence-invalid", "the SHA-256 of the evidence is 64 lower-case hex digits");
        }
        requireOptionalText("evidence-invalid", "note", command.note(), Evidence.MAX_NOTE_LENGTH);
        if (evidence.stream().anyMatch(e -> e.sha256().equals(command.sha256()))) {
            throw new CaseRuleBroken("evidence-already-attached", "evidence with this SHA-256 is already on the case");
        }
        if (evidence.size() >= Evidence.MAX_PER_CASE) {
            throw new CaseRuleBroken("too-much-evidence", "a case holds at most " + Evidence.MAX_PER_CASE
                    + " pieces of evidence");
        }
        record(new EvidenceAdded(id, new Evidence(command.evidenceId(), command.kind(), command.reference(),
                command.sha256(), actor.userId(), blankToNull(command.note()))));
        return getVersion();
    }

    @CommandHandler
    public long handle(LinkEntity command) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.ANALYST, Role.LEAD);
        requireNotMerged();
        if (command.kind() == null) {
            throw new CaseRuleBroken("entity-invalid", "a linked entity needs a kind");
        }
        requireText("entity-invalid", "value", command.value(), LinkedEntity.MAX_VALUE_LENGTH);
        if (!ONE_TOKEN.matcher(command.value()).matches()) {
            throw new CaseRuleBroken("entity-invalid", "an entity's value has no spaces or control characters");
        }
        requireOptionalText("entity-invalid", "note", command.note(), LinkedEntity.MAX_NOTE_LENGTH);
        if (entities.containsKey(entityKey(command.kind(), command.value()))) {
            return getVersion();
        }
        if (entities.size() >= LinkedEntity.MAX_PER_CASE) {
            throw new CaseRuleBroken("too-many-entities", "a case links at most " + LinkedEntity.MAX_PER_CASE
                    + " entities");
        }
        record(new EntityLinked(id, new LinkedEntity(command.kind(), command.value(), actor.userId(),
                blankToNull(command.note()))));
        return getVersion();
    }

    @CommandHandler
    public long handle(UnlinkEntity command) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.ANALYST, Role.LEAD);
        requireText("unlink-reason", "reason", command.reason(), EscalateCase.MAX_REASON_LENGTH);
        if (command.kind() == null || !entities.containsKey(entityKey(command.kind(), command.value()))) {
            throw new CaseRuleBroken("not-linked", "the case links no such entity");
        }
        record(new EntityUnlinked(id, command.kind(), command.value(), command.reason().strip(), actor.userId()));
        return getVersion();
    }

    /** What a duplicate hands over when it merges into another case of the same subject. */
    public record Duplicate(CaseId caseId, SubjectRef subject, Region region, RiskCategory category,
                            List<Evidence> evidence, List<LinkedEntity> entities) {
    }

    /**
     * This case is a duplicate of {@code command.survivorId()}: it closes with a pointer to it (its flags, evidence
     * and linked entities move there, see {@link #absorb}).
     */
    public Duplicate mergeInto(MergeCases command) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.ANALYST, Role.LEAD);
        requireText("merge-reason", "reason", command.reason(), MergeCases.MAX_REASON_LENGTH);
        requireStatus(CaseStatus.OPEN, CaseStatus.IN_REVIEW);
        Duplicate handedOver = new Duplicate(id, subject, region, category, List.copyOf(evidence),
                List.copyOf(entities.values()));
        record(new CaseMerged(id, command.survivorId(), command.reason().strip(), actor.userId()));
        return handedOver;
    }

    /** Takes over a duplicate about the same subject: its flags (from its history), evidence and linked entities. */
    public void absorb(Duplicate duplicate, List<Flag> flags, MergeCases command, SlaPolicy sla,
                       DeadlineManager deadlines) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.ANALYST, Role.LEAD);
        requireStatus(CaseStatus.OPEN, CaseStatus.IN_REVIEW);
        if (!duplicate.subject().equals(subject) || !duplicate.region().equals(region)) {
            throw new CaseRuleBroken("merge-other-subject", "only cases about the same subject in the same region merge");
        }
        Set<String> hashes = new HashSet<>(evidence.stream().map(Evidence::sha256).toList());
        List<Flag> newFlags = flags.stream().filter(f -> !flagIds.contains(f.flagId())).toList();
        List<Evidence> newEvidence = duplicate.evidence().stream().filter(e -> hashes.add(e.sha256())).toList();
        List<LinkedEntity> newEntities = duplicate.entities().stream()
                .filter(e -> !entities.containsKey(entityKey(e.kind(), e.value()))).toList();
        requireMergeWithinLimits(newFlags, newEvidence, newEntities);
        record(new DuplicateAbsorbed(id, duplicate.caseId(), duplicate.category(), newFlags, newEvidence, newEntities,
                actor.userId()));
        reprioritize(sla, deadlines);
    }

    /** The survivor stays within the case limits, and one merge event stays bounded. */
    private void requireMergeWithinLimits(List<Flag> newFlags, List<Evidence> newEvidence,
                                          List<LinkedEntity> newEntities) {
        if (newFlags.size() > MergeCases.MAX_FLAGS_MOVED || evidence.size() + newEvidence.size() > Evidence.MAX_PER_CASE
                || entities.size() + newEntities.size() > LinkedEntity.MAX_PER_CASE) {
            throw new CaseRuleBroken("merge-too-large", "a merge moves at most " + MergeCases.MAX_FLAGS_MOVED
                    + " flags and the surviving case keeps at most " + Evidence.MAX_PER_CASE
                    + " pieces of evidence and " + LinkedEntity.MAX_PER_CASE + " linked entities");
        }
    }

    @CommandHandler
    public long handle(EscalateCase command) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.ANALYST, Role.LEAD);
        requireText("escalation-reason", "reason", command.reason(), EscalateCase.MAX_REASON_LENGTH);
        if (escalated) {
            throw new CaseRuleBroken("already-escalated", "the case is already escalated to the region's lead");
        }
        record(new CaseEscalated(id, command.reason().strip(), actor.userId()));
        return getVersion();
    }

    @CommandHandler
    public long handle(DeescalateCase command) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.LEAD);
        requireText("escalation-reason", "reason", command.reason(), EscalateCase.MAX_REASON_LENGTH);
        if (!escalated) {
            throw new CaseRuleBroken("not-escalated", "the case is not escalated");
        }
        record(new CaseDeescalated(id, command.reason().strip(), actor.userId()));
        return getVersion();
    }

    @CommandHandler
    public long handle(ProposeDecision command, ApprovalPolicy approvals) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.ANALYST, Role.LEAD);
        requireAssigned();
        requireAssignee(actor);
        requireWellFormed(command);
        boolean approvalRequired = command.verdict() == Verdict.VIOLATION
                && FourEyes.required(command.actions(), exposureByCurrency.values(),
                approvals.moneyAtRiskThreshold(region));
        DecisionProposed proposed = new DecisionProposed(id, command.decisionId(), command.verdict(),
                command.policyRefs(), command.rationale().strip(), command.actions(), command.label(), actor.userId(),
                approvalRequired);
        record(proposed);
        if (!approvalRequired) {
            record(decided(proposed, null));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(ApproveDecision command) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.LEAD);
        requireStatus(CaseStatus.DECISION_PROPOSED);
        requireSecondPerson(actor);
        record(decided(proposal, actor.userId()));
        return getVersion();
    }

    @CommandHandler
    public long handle(SendBackDecision command) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.LEAD);
        requireStatus(CaseStatus.DECISION_PROPOSED);
        requireSecondPerson(actor);
        requireText("comments-required", "comments", command.comments(), SendBackDecision.MAX_COMMENTS_LENGTH);
        record(new DecisionSentBack(id, proposal.decisionId(), actor.userId(), command.comments().strip()));
        return getVersion();
    }

    @CommandHandler
    public long handle(CloseCase command, OpenCases openCases) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.ANALYST, Role.LEAD);
        requireCloseable(actor, command.resolution());
        if (command.note() != null && command.note().length() > CloseCase.MAX_NOTE_LENGTH) {
            throw new CaseRuleBroken("note-too-long", "a closing note has at most " + CloseCase.MAX_NOTE_LENGTH
                    + " characters");
        }
        openCases.closed(id);
        record(new CaseClosed(id, command.resolution(), blankToNull(command.note()), actor.userId()));
        return getVersion();
    }

    @CommandHandler
    public long handle(ReopenCase command, OpenCases openCases, SlaPolicy sla, DeadlineManager deadlines) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.ANALYST, Role.LEAD);
        requireText("reopen-reason", "reason", command.reason(), ReopenCase.MAX_REASON_LENGTH);
        requireNotMerged();
        requireStatus(CaseStatus.CLOSED);
        openCases.reopened(id, subject, category, region);
        reopen(command.reason().strip(), actor.userId(), sla, deadlines);
        return getVersion();
    }

    /** Open again, unassigned, for a new decision by a new deadline; the earlier decision stays in the history. */
    private void reopen(String reason, String by, SlaPolicy sla, DeadlineManager deadlines) {
        Instant decideBy = now().plus(sla.target(SlaStage.DECISION, region, priority));
        record(new CaseReopened(id, reason, by, resolution, decideBy));
        new SlaDeadline(SlaStage.DECISION, decideBy).schedule(deadlines);
    }

    @CommandHandler
    public long handle(RecordEnforcementResult command) {
        requireResultInRegion(command.region());
        Enforcement ordered = enforcementOf(command.actionId());
        requireCurrentAttempt(ordered, command.attempt());
        boolean repeated = ordered.state() == EnforcementState.APPLIED
                || ordered.state() == EnforcementState.FAILED && command.outcome() == EnforcementOutcome.FAILED;
        if (repeated) {
            return getVersion();
        }
        if (command.reason() != null && command.reason().length() > RecordEnforcementResult.MAX_REASON_LENGTH) {
            throw new CaseRuleBroken("reason-too-long", "a failure reason has at most "
                    + RecordEnforcementResult.MAX_REASON_LENGTH + " characters");
        }
        record(command.outcome() == EnforcementOutcome.APPLIED
                ? new EnforcementApplied(id, command.actionId(), ordered.attempt(), command.reportedBy())
                : new EnforcementFailed(id, command.actionId(), ordered.attempt(), command.reason(), command.reportedBy()));
        return getVersion();
    }

    /** A result naming another region is about no case of ours: it is refused like a result for an unknown case. */
    private void requireResultInRegion(Region reported) {
        if (!region.equals(reported)) {
            throw new CaseRuleBroken("unknown-case", "no case " + id + " in region " + reported);
        }
    }

    /** A result counts for the attempt ordered last; an earlier one is late news, a later one was never ordered. */
    private static void requireCurrentAttempt(Enforcement ordered, int attempt) {
        if (attempt < ordered.attempt()) {
            throw new CaseRuleBroken("earlier-attempt", "attempt " + attempt + " of action " + ordered.action().actionId()
                    + " was superseded by attempt " + ordered.attempt());
        }
        if (attempt > ordered.attempt()) {
            throw new CaseRuleBroken("unknown-attempt", "action " + ordered.action().actionId() + " was ordered "
                    + ordered.attempt() + " time(s), not " + attempt);
        }
    }

    @CommandHandler
    public long handle(RetryEnforcement command) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.LEAD);
        requireStatus(CaseStatus.DECIDED);
        Enforcement failed = enforcementOf(command.actionId());
        if (failed.state() != EnforcementState.FAILED) {
            throw new CaseRuleBroken("action-not-failed", "only a failed action can be retried; this one is "
                    + failed.state());
        }
        record(new EnforcementRetried(id, decision.decisionId(), subject, failed.action(), decision.policyRefs(),
                decision.decidedBy(), decision.approvedBy(), failed.attempt() + 1, actor.userId()));
        return getVersion();
    }

    private Enforcement enforcementOf(ActionId actionId) {
        return enforcement.stream().filter(e -> e.action().actionId().equals(actionId)).findFirst()
                .orElseThrow(() -> new CaseRuleBroken("unknown-action", "the case ordered no action " + actionId));
    }

    private CaseDecided decided(DecisionProposed proposal, String approvedBy) {
        List<OrderedAction> ordered = new ArrayList<>();
        List<PlannedAction> planned = proposal.actions();
        for (int i = 0; i < planned.size(); i++) {
            ordered.add(new OrderedAction(ActionId.of(proposal.decisionId(), i), planned.get(i).action(),
                    planned.get(i).parameters()));
        }
        return new CaseDecided(proposal.caseId(), proposal.decisionId(), subject, proposal.verdict(), proposal.policyRefs(),
                proposal.rationale(), ordered, proposal.label(), proposal.proposedBy(), approvedBy);
    }

    // ---- guards: one per rule

    /** Invariant 10: a case outside the actor's regions is not found; the repository asks this first, on load. */
    public void requireVisibleTo(Actor actor) {
        if (!actor.sees(region)) {
            throw new CaseNotFound(id);
        }
    }

    private static void requireRole(Actor actor, Role... anyOf) {
        for (Role role : anyOf) {
            if (actor.has(role)) return;
        }
        throw new ActionNotPermitted("this action needs one of the roles " + Set.of(anyOf));
    }

    private void requireStatus(CaseStatus... allowed) {
        for (CaseStatus s : allowed) {
            if (status == s) return;
        }
        throw new CaseRuleBroken("case-status", "not possible while the case is " + status);
    }

    /** Each resolution fits one way a case ends; only a lead closes an undecided case. */
    private void requireCloseable(Actor actor, ResolutionCode code) {
        if (code == null) {
            throw new CaseRuleBroken("resolution-required", "closing needs a resolution code");
        }
        switch (code) {
            case ENFORCED -> {
                requireStatus(CaseStatus.DECIDED);
                if (enforcement.stream().anyMatch(e -> e.state() != EnforcementState.APPLIED)) {
                    throw new CaseRuleBroken("enforcement-outstanding",
                            "every action must be applied before the case closes as ENFORCED; retry the failed ones");
                }
            }
            case NO_VIOLATION -> requireStatus(CaseStatus.DISMISSED);
            case SUBJECT_GONE -> {
                requireRole(actor, Role.LEAD);
                requireStatus(CaseStatus.OPEN, CaseStatus.IN_REVIEW);
            }
            case DUPLICATE -> throw new CaseRuleBroken("use-merge", "a duplicate closes by merging it into the case"
                    + " that survives");
        }
    }

    /** Invariant 3: an unassigned case cannot be decided. */
    private void requireAssigned() {
        if (status == CaseStatus.OPEN) {
            throw new CaseRuleBroken("case-not-assigned", "an unassigned case cannot be decided: assign it first");
        }
        if (status == CaseStatus.DECISION_PROPOSED) {
            throw new CaseRuleBroken("decision-pending", "a decision is already waiting for approval");
        }
        requireStatus(CaseStatus.IN_REVIEW);
    }

    /** Invariant 3: only the case's assignee proposes its decision. */
    private void requireAssignee(Actor actor) {
        if (!actor.userId().equals(assignee)) {
            throw new ActionNotPermitted("only the case's assignee proposes its decision");
        }
    }

    /** Invariant 4: the approver is a different person from the proposer, even if the proposer is a lead. */
    private void requireSecondPerson(Actor actor) {
        if (actor.userId().equals(proposal.proposedBy())) {
            throw new ActionNotPermitted("four eyes: the proposer of a decision cannot approve or send back their own"
                    + " proposal");
        }
    }

    /** What each verdict needs; invariant 5: the actions fit the subject kind. */
    private void requireWellFormed(ProposeDecision command) {
        requireText("decision-invalid", "rationale", command.rationale(), ProposeDecision.MAX_RATIONALE_LENGTH);
        if (command.decisionId() == null || command.verdict() == null) {
            throw new CaseRuleBroken("decision-invalid", "a decision needs an id and a verdict");
        }
        if (command.policyRefs().size() > ProposeDecision.MAX_POLICY_REFS || command.policyRefs().stream().anyMatch(
                ref -> ref == null || ref.isBlank() || ref.length() > ProposeDecision.MAX_POLICY_REF_LENGTH
                        || CONTROL.matcher(ref).find())) {
            throw new CaseRuleBroken("decision-invalid", "policy references are 1-"
                    + ProposeDecision.MAX_POLICY_REF_LENGTH + " characters each, at most " + ProposeDecision.MAX_POLICY_REFS);
        }
        if (command.verdict() == Verdict.NO_VIOLATION) {
            if (!command.actions().isEmpty() || command.label() == null) {
                throw new CaseRuleBroken("decision-invalid",
                        "a dismissal orders no actions and labels the detection for the models");
            }
            return;
        }
        if (command.policyRefs().isEmpty() || command.actions().isEmpty() || command.label() != null) {
            throw new CaseRuleBroken("decision-invalid",
                    "a violation cites at least one policy and orders at least one action (and has no dismissal label)");
        }
        if (command.actions().size() > ProposeDecision.MAX_ACTIONS) {
            throw new CaseRuleBroken("decision-invalid", "at most " + ProposeDecision.MAX_ACTIONS + " actions");
        }
        Set<EnforcementAction> allowed = SubjectKindPolicy.of(subject.kind()).allowedActions();
        Set<EnforcementAction> seen = new HashSet<>();
        for (PlannedAction planned : command.actions()) {
            if (!allowed.contains(planned.action())) {
                throw new CaseRuleBroken("action-not-for-subject-kind", planned.action() + " does not apply to a "
                        + subject.kind() + "; possible: " + allowed);
            }
            if (!seen.add(planned.action())) {
                throw new CaseRuleBroken("decision-invalid", planned.action() + " is ordered twice");
            }
            if (planned.parameters().size() > PlannedAction.MAX_PARAMETERS) {
                throw new CaseRuleBroken("decision-invalid", "at most " + PlannedAction.MAX_PARAMETERS
                        + " parameters per action");
            }
            requireParameters(planned);
        }
    }

    /** Each parameter's name and value are short text without control characters (they go out to enforcement). */
    private static void requireParameters(PlannedAction planned) {
        planned.parameters().forEach((name, value) -> {
            if (name == null || name.isBlank() || name.length() > PlannedAction.MAX_PARAMETER_NAME_LENGTH
                    || CONTROL.matcher(name).find() || value == null
                    || value.length() > PlannedAction.MAX_PARAMETER_VALUE_LENGTH || CONTROL.matcher(value).find()) {
                throw new CaseRuleBroken("action-parameter-invalid", "a parameter of " + planned.action() + " has a"
                        + " name of 1-" + PlannedAction.MAX_PARAMETER_NAME_LENGTH + " characters and a value of at most "
                        + PlannedAction.MAX_PARAMETER_VALUE_LENGTH + ", without control characters");
            }
        });
    }

    private static void requireText(String rule, String what, String text, int maxLength) {
        if (text == null || text.isBlank() || text.length() > maxLength) {
            throw new CaseRuleBroken(rule, "the " + what + " needs 1-" + maxLength + " characters");
        }
    }

    private void requireNotMerged() {
        if (mergedInto != null) {
            throw new CaseRuleBroken("case-merged", "this case was merged into " + mergedInto + "; work on that one");
        }
    }

    private static void requireOptionalText(String rule, String what, String text, int maxLength) {
        if (text != null && (text.length() > maxLength || CONTROL.matcher(text).find())) {
            throw new CaseRuleBroken(rule, "the " + what + " has at most " + maxLength
                    + " characters and no control characters");
        }
    }

    private static String entityKey(casebook.cases.api.EntityKind kind, String value) {
        return kind + ":" + value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void requireAnalystsAssignOnlyThemselves(Actor actor, String assignee) {
        if (!actor.has(Role.LEAD) && !actor.userId().equals(assignee)) {
            throw new CaseRuleBroken("analyst-may-assign-only-self",
                    "an analyst can take or release a case only for themselves; a lead assigns others");
        }
    }

    private void requireSameSubject(Flag flag) {
        if (!flag.subject().equals(subject) || !categories.contains(flag.category()) || !flag.region().equals(region)) {
            throw new CaseRuleBroken("flag-subject-mismatch", "the flag is about another subject, category or region");
        }
    }

    // ---- the one way events leave this aggregate: stamped with the case's region

    private void record(Object event) {
        record(event, region);
    }

    private static void record(Object event, Region region) {
        apply(event, MetaData.with(REGION, region.code()));
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    // ---- state

    @EventSourcingHandler
    void on(CaseOpened event, @Timestamp Instant at) {
        id = event.caseId();
        subject = event.subject();
        region = event.region();
        category = event.category();
        categories.add(event.category());
        priority = event.priority();
        slaDueAt = event.slaDueAt();
        decisionDueAt = event.decisionDueAt();
        openedAt = at;
        decisionClockFrom = at;
        status = CaseStatus.OPEN;
    }

    @EventSourcingHandler
    void on(FlagAttached event) {
        on(event.flag());
    }

    private void on(Flag flag) {
        flagIds.add(flag.flagId());
        maxScore = maxScore.max(flag.score());
        moneyAtRisk = larger(moneyAtRisk, flag.moneyAtRisk());
        if (flag.moneyAtRisk() != null) {
            exposureByCurrency.merge(flag.moneyAtRisk().currency(), flag.moneyAtRisk(), RiskCase::larger);
        }
    }

    @EventSourcingHandler
    void on(PriorityRaised event) {
        priority = event.to();
        slaDueAt = event.slaDueAt();
        if (event.decisionDueAt() != null) {
            decisionDueAt = event.decisionDueAt();
        }
    }

    @EventSourcingHandler
    void on(SlaBreached event) {
        breached.add(event.stage());
    }

    @EventSourcingHandler
    void on(CaseAssigned event) {
        assignee = event.assignee();
        everAssigned = true;
        status = CaseStatus.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(CaseUnassigned event) {
        assignee = null;
        status = CaseStatus.OPEN;
    }

    @EventSourcingHandler
    void on(CaseEscalated event) {
        escalated = true;
    }

    @EventSourcingHandler
    void on(CaseDeescalated event) {
        escalated = false;
    }

    @EventSourcingHandler
    void on(DecisionProposed event) {
        proposal = event;
        if (event.approvalRequired()) {
            status = CaseStatus.DECISION_PROPOSED;
        }
    }

    @EventSourcingHandler
    void on(DecisionSentBack event) {
        proposal = null;
        status = CaseStatus.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(CaseDecided event) {
        proposal = null;
        decision = event;
        status = event.verdict() == Verdict.VIOLATION ? CaseStatus.DECIDED : CaseStatus.DISMISSED;
        enforcement = new ArrayList<>(event.actions().stream()
                .map(a -> new Enforcement(a, 1, EnforcementState.ORDERED)).toList());
    }

    @EventSourcingHandler
    void on(NoteAdded event) {
        noteCount++;
    }

    @EventSourcingHandler
    void on(EvidenceAdded event) {
        evidence.add(event.evidence());
    }

    @EventSourcingHandler
    void on(EntityLinked event) {
        entities.put(entityKey(event.entity().kind(), event.entity().value()), event.entity());
    }

    @EventSourcingHandler
    void on(EntityUnlinked event) {
        entities.remove(entityKey(event.kind(), event.value()));
    }

    @EventSourcingHandler
    void on(CaseMerged event) {
        mergedInto = event.into();
        status = CaseStatus.CLOSED;
        resolution = ResolutionCode.DUPLICATE;
        proposal = null;
    }

    @EventSourcingHandler
    void on(DuplicateAbsorbed event) {
        categories.add(event.category());
        event.flags().forEach(this::on);
        evidence.addAll(event.evidence());
        event.entities().forEach(e -> entities.put(entityKey(e.kind(), e.value()), e));
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        status = CaseStatus.CLOSED;
        resolution = event.resolution();
        proposal = null;
    }

    @EventSourcingHandler
    void on(CaseReopened event, @Timestamp Instant at) {
        decisionClockFrom = at;
        status = CaseStatus.OPEN;
        assignee = null;
        resolution = null;
        decision = null;
        decisionDueAt = event.decisionDueAt();
        breached.remove(SlaStage.DECISION);
    }

    @EventSourcingHandler
    void on(EnforcementApplied event) {
        replace(event.actionId(), e -> e.with(event.attempt(), EnforcementState.APPLIED));
    }

    @EventSourcingHandler
    void on(EnforcementFailed event) {
        replace(event.actionId(), e -> e.with(event.attempt(), EnforcementState.FAILED));
    }

    @EventSourcingHandler
    void on(EnforcementRetried event) {
        replace(event.action().actionId(), e -> e.with(event.attempt(), EnforcementState.ORDERED));
    }

    private void replace(ActionId actionId, java.util.function.UnaryOperator<Enforcement> change) {
        enforcement.replaceAll(e -> e.action().actionId().equals(actionId) ? change.apply(e) : e);
    }

    /** The case's exposure is its largest single-flag exposure in the currency of the first one reported. */
    static Money larger(Money current, Money reported) {
        if (reported == null) return current;
        if (current == null) return reported;
        if (!current.currency().equals(reported.currency())) return current;
        return reported.amount().compareTo(current.amount()) > 0 ? reported : current;
    }
}
