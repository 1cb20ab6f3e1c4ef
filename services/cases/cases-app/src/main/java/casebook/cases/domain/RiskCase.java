package casebook.cases.domain;

import casebook.cases.api.*;
import casebook.cases.domain.decision.Decision;
import casebook.cases.domain.disclosure.Disclosures;
import casebook.cases.domain.hold.LegalHolds;
import casebook.cases.domain.investigation.Investigation;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static casebook.cases.domain.Text.blankToNull;
import static casebook.cases.domain.Text.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A risk case about one subject and category in one region. It only decides: one guard per rule, state changes only
 * in event sourcing handlers, no I/O (the subject slots follow its events, see {@code CaseSlots}). Who may send a
 * command is one table ({@link CasePermissions}) applied by {@link #authorize} before any rule; the case owns its
 * lifecycle (status, assignment, escalation, priority, closing); its members own the rest: {@link Investigation}
 * (notes, evidence, linked entities), {@link Decision} (proposal, decision and statement of reasons, enforcement,
 * appeal and reversals), {@link SlaClock} (timing).
 * Command handlers answer the case's version after the change.
 */
@Aggregate(repository = "riskCaseRepository")
// 2: exposureByCurrency and noteCount added; 3: split into members (Investigation, Decision, SlaClock). Snapshots of
// an older revision are ignored (the case is replayed from its events instead).
@Revision("3")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RiskCase {
    /** Metadata key of the case's region, stamped on every event of the case by {@link #record}. */
    public static final String REGION = "region";
    /** Metadata key of who acted, on every event (invariant 9); stamped from the command or the deadline. */
    public static final String ACTOR = "actor";
    /** Metadata key of why, where the caller or the deadline gave a reason (invariant 9). */
    public static final String REASON = "reason";

    @AggregateIdentifier
    private CaseId id;
    private SubjectRef subject;
    private Region region;
    private RiskCategory category;
    private CaseStatus status;
    private Priority priority;
    private SlaClock sla;
    private String assignee;
    private boolean escalated;
    private Set<RiskCategory> categories = new HashSet<>();
    private Set<FlagId> flagIds = new HashSet<>();
    private BigDecimal maxScore = BigDecimal.ZERO;
    private Money moneyAtRisk;
    /** The largest single-flag money at risk in each currency the case has seen (four eyes compares them all). */
    private Map<String, Money> exposureByCurrency = new LinkedHashMap<>();
    private CaseId mergedInto;
    private ResolutionCode resolution;
    /** Where an appealed case returns when its appeal is upheld: decided, or closed. */
    private CaseStatus statusBeforeAppeal;
    private ResolutionCode resolutionBeforeAppeal;
    @AggregateMember
    private Investigation investigation = new Investigation();
    @AggregateMember
    private Decision decision = new Decision();
    @AggregateMember
    private Disclosures disclosures = new Disclosures();
    @AggregateMember
    private LegalHolds holds = new LegalHolds();

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

    /**
     * Before every command of a person or system on the case: invariant 10 (a case outside the actor's regions is not
     * found, whatever else the command says), then the permission table. Axon runs it for the members' commands too.
     */
    @CommandHandlerInterceptor
    void authorize(ByActor command) {
        requireVisibleTo(command.actor());
        CasePermissions.require(command);
    }

    /** Invariant 10: a case outside the actor's regions is not found; the repository asks this first, on load. */
    public void requireVisibleTo(Actor actor) {
        if (!actor.sees(region)) {
            throw new CaseNotFound(id);
        }
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
    private void reprioritize(SlaPolicy policy, DeadlineManager deadlines) {
        Priority now = SubjectKindPolicy.of(subject.kind()).priorityOf(category, maxScore, moneyAtRisk);
        if (now.isMoreUrgentThan(priority)) {
            SlaClock tightened = sla.tightenedFor(now, region, policy);
            boolean assignSooner = !tightened.assignBy().equals(sla.assignBy());
            boolean decideSooner = !tightened.decideBy().equals(sla.decideBy());
            record(new PriorityRaised(id, priority, now, tightened.assignBy(), tightened.decideBy()));
            if (assignSooner && !met(SlaStage.FIRST_ASSIGNMENT)) {
                new SlaDeadline(SlaStage.FIRST_ASSIGNMENT, tightened.assignBy()).schedule(deadlines);
            }
            if (decideSooner && sla.decisionClockRunning() && !met(SlaStage.DECISION)) {
                new SlaDeadline(SlaStage.DECISION, tightened.decideBy()).schedule(deadlines);
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
        Instant current = sla.dueAt(stage);
        if (met(stage) || sla.wasBreached(stage) || !deadline.dueAt().equals(current)) {
            return;
        }
        record(new SlaBreached(id, stage, current));
        if (stage == SlaStage.FIRST_ASSIGNMENT) {
            scheduleDecisionDeadline(deadlines);
        }
        if (priority != Priority.P1) {
            record(new PriorityRaised(id, priority, priority.raised(), sla.assignBy(), sla.decideBy()));
        }
        if (!escalated) {
            record(new CaseEscalated(id, "SLA breached: " + (stage == SlaStage.FIRST_ASSIGNMENT
                    ? "not assigned" : "not decided") + " by " + current, SlaDeadline.ACTOR));
        }
    }

    private void scheduleDecisionDeadline(DeadlineManager deadlines) {
        if (sla.decideBy() != null && !met(SlaStage.DECISION)) {
            new SlaDeadline(SlaStage.DECISION, sla.decideBy()).schedule(deadlines);
        }
    }

    private boolean met(SlaStage stage) {
        if (status == CaseStatus.CLOSED) {
            return true;
        }
        return switch (stage) {
            case FIRST_ASSIGNMENT -> sla.everAssigned() || decision.made();
            case DECISION -> decision.made();
            case APPEAL_REVIEW -> decision.openAppeal().isEmpty();
        };
    }

    @CommandHandler
    public long handle(AssignCase command, DeadlineManager deadlines) {
        requireStatus(CaseStatus.OPEN, CaseStatus.IN_REVIEW);
        requireAnalystsAssignOnlyThemselves(command.actor(), command.assignee());
        if (!command.assignee().equals(assignee)) {
            boolean first = !sla.decisionClockRunning();
            record(new CaseAssigned(id, command.assignee(), assignee));
            if (first) {
                scheduleDecisionDeadline(deadlines);
            }
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(UnassignCase command) {
        requireStatus(CaseStatus.IN_REVIEW);
        requireAnalystsAssignOnlyThemselves(command.actor(), assignee);
        record(new CaseUnassigned(id, assignee));
        return getVersion();
    }

    // ---- investigation: the member decides, the case records

    @CommandHandler
    public long handle(AddNote command) {
        record(investigation.note(id, command));
        return getVersion();
    }

    @CommandHandler
    public long handle(AddEvidence command) {
        requireNotMerged();
        record(investigation.evidence(id, command));
        return getVersion();
    }

    @CommandHandler
    public long handle(LinkEntity command) {
        requireNotMerged();
        investigation.link(id, command).ifPresent(this::record);
        return getVersion();
    }

    @CommandHandler
    public long handle(UnlinkEntity command) {
        record(investigation.unlink(id, command));
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
        authorize(command);
        requireText("merge-reason", "reason", command.reason(), MergeCases.MAX_REASON_LENGTH);
        requireStatus(CaseStatus.OPEN, CaseStatus.IN_REVIEW);
        Duplicate handedOver = new Duplicate(id, subject, region, category, investigation.evidence(),
                investigation.entities());
        record(new CaseMerged(id, command.survivorId(), command.reason().strip(), command.actor().userId()));
        return handedOver;
    }

    /** Takes over a duplicate about the same subject: its flags (from its history), evidence and linked entities. */
    public void absorb(Duplicate duplicate, List<Flag> flags, MergeCases command, SlaPolicy policy,
                       DeadlineManager deadlines) {
        authorize(command);
        requireStatus(CaseStatus.OPEN, CaseStatus.IN_REVIEW);
        if (!duplicate.subject().equals(subject) || !duplicate.region().equals(region)) {
            throw new CaseRuleBroken("merge-other-subject", "only cases about the same subject in the same region merge");
        }
        List<Flag> newFlags = flags.stream().filter(f -> !flagIds.contains(f.flagId())).toList();
        Investigation.Gathered gathered = investigation.newIn(duplicate.evidence(), duplicate.entities());
        investigation.requireRoomFor(newFlags.size(), gathered);
        record(new DuplicateAbsorbed(id, duplicate.caseId(), duplicate.category(), newFlags, gathered.evidence(),
                gathered.entities(), command.actor().userId()));
        reprioritize(policy, deadlines);
    }

    @CommandHandler
    public long handle(EscalateCase command) {
        requireText("escalation-reason", "reason", command.reason(), EscalateCase.MAX_REASON_LENGTH);
        if (escalated) {
            throw new CaseRuleBroken("already-escalated", "the case is already escalated to the region's lead");
        }
        record(new CaseEscalated(id, command.reason().strip(), command.actor().userId()));
        return getVersion();
    }

    @CommandHandler
    public long handle(DeescalateCase command) {
        requireText("escalation-reason", "reason", command.reason(), EscalateCase.MAX_REASON_LENGTH);
        if (!escalated) {
            throw new CaseRuleBroken("not-escalated", "the case is not escalated");
        }
        record(new CaseDeescalated(id, command.reason().strip(), command.actor().userId()));
        return getVersion();
    }

    // ---- decision and enforcement: the member decides, the case keeps the status

    @CommandHandler
    public long handle(ProposeDecision command, ApprovalPolicy approvals, AppealPolicy appeals) {
        requireAssigned();
        requireAssignee(command.actor());
        boolean approvalRequired = command.verdict() == Verdict.VIOLATION
                && FourEyes.required(command.actions(), exposureByCurrency.values(),
                approvals.moneyAtRiskThreshold(region));
        DecisionProposed proposed = decision.propose(id, command, subject, approvalRequired);
        record(proposed);
        if (!approvalRequired) {
            Decision.decide(proposed, subject, null, region, now(), appeals.window(region, subject.kind()))
                    .forEach(this::record);
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(ApproveDecision command, AppealPolicy appeals) {
        requireStatus(CaseStatus.DECISION_PROPOSED);
        decision.approve(command.actor(), subject, region, now(), appeals.window(region, subject.kind()))
                .forEach(this::record);
        return getVersion();
    }

    @CommandHandler
    public long handle(SendBackDecision command) {
        requireStatus(CaseStatus.DECISION_PROPOSED);
        record(decision.sendBack(id, command));
        return getVersion();
    }

    @CommandHandler
    public long handle(RecordEnforcementResult command) {
        requireResultInRegion(command.region());
        decision.result(id, command).ifPresent(this::record);
        return getVersion();
    }

    /** A result naming another region is about no case of ours: it is refused like a result for an unknown case. */
    private void requireResultInRegion(Region reported) {
        if (!region.equals(reported)) {
            throw new CaseRuleBroken("unknown-case", "no case " + id + " in region " + reported);
        }
    }

    @CommandHandler
    public long handle(RetryEnforcement command) {
        requireStatus(CaseStatus.DECIDED);
        record(decision.retry(id, command, subject));
        return getVersion();
    }

    // ---- appeals (DSA Art. 20, invariant 6): the decision member decides, the case keeps the status

    /** An appeal of a decided (or decided and closed) violation; it joins the region's appeal queue with a deadline. */
    @CommandHandler
    public long handle(FileAppeal command, AppealPolicy appeals, DeadlineManager deadlines) {
        requireNotMerged();
        requireAppealOfItsSubject(command.subject());
        Instant now = now();
        Instant reviewDueAt = now.plus(appeals.reviewTarget(region));
        Optional<AppealFiled> filed = decision.file(id, command, now, reviewDueAt, appeals.window(region, subject.kind()));
        if (filed.isPresent()) {
            requireStatus(CaseStatus.DECIDED, CaseStatus.CLOSED);
            record(filed.get());
            new AppealDeadline(command.appealId(), reviewDueAt).schedule(deadlines);
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(DecideAppeal command) {
        requireStatus(CaseStatus.APPEALED);
        decision.decideAppeal(id, command, subject).forEach(this::record);
        return getVersion();
    }

    /** An appeal still open when its review is due: the breach is recorded and the case goes to the lead. */
    @DeadlineHandler(deadlineName = AppealDeadline.NAME)
    void on(AppealDeadline deadline) {
        Optional<AppealFiled> open = decision.openAppeal();
        if (open.isEmpty() || !open.get().appealId().equals(deadline.appealId())) {
            return;
        }
        record(new SlaBreached(id, SlaStage.APPEAL_REVIEW, deadline.dueAt()));
        if (!escalated) {
            record(new CaseEscalated(id, "appeal " + deadline.appealId() + " not reviewed by " + deadline.dueAt(),
                    SlaDeadline.ACTOR));
        }
    }

    /** An approved disclosure package disclosed this case (docs/adr/0020); once per disclosure. */
    @CommandHandler
    public long handle(RecordDisclosure command) {
        disclosures.record(id, command).ifPresent(this::record);
        return getVersion();
    }

    // ---- legal holds and erasure (invariant 8): the holds member decides, in any state of the case

    @CommandHandler
    public long handle(PlaceLegalHold command) {
        holds.place(id, command).ifPresent(this::record);
        return getVersion();
    }

    @CommandHandler
    public long handle(ReleaseLegalHold command) {
        record(holds.release(id, command));
        return getVersion();
    }

    @CommandHandler
    public long handle(ErasePersonalData command) {
        holds.erase(id, command).ifPresent(this::record);
        return getVersion();
    }

    // ---- closing and reopening

    @CommandHandler
    public long handle(CloseCase command) {
        requireCloseable(command.actor(), command.resolution());
        if (command.note() != null && command.note().length() > CloseCase.MAX_NOTE_LENGTH) {
            throw new CaseRuleBroken("note-too-long", "a closing note has at most " + CloseCase.MAX_NOTE_LENGTH
                    + " characters");
        }
        record(new CaseClosed(id, command.resolution(), blankToNull(command.note()), command.actor().userId()));
        return getVersion();
    }

    /**
     * Open again for a new decision. The subject's slot must still name this case: {@code CaseSlots} checks it in
     * the transaction of {@code CaseReopened} and refuses with {@code newer-case-open} when a newer case took it.
     */
    @CommandHandler
    public long handle(ReopenCase command, SlaPolicy policy, DeadlineManager deadlines) {
        requireText("reopen-reason", "reason", command.reason(), ReopenCase.MAX_REASON_LENGTH);
        requireNotMerged();
        requireStatus(CaseStatus.CLOSED);
        reopen(command.reason().strip(), command.actor().userId(), policy, deadlines);
        return getVersion();
    }

    /** Open again, unassigned, for a new decision by a new deadline; the earlier decision stays in the history. */
    private void reopen(String reason, String by, SlaPolicy policy, DeadlineManager deadlines) {
        Instant decideBy = now().plus(policy.target(SlaStage.DECISION, region, priority));
        record(new CaseReopened(id, reason, by, resolution, decideBy));
        new SlaDeadline(SlaStage.DECISION, decideBy).schedule(deadlines);
    }

    // ---- guards: one per rule

    /** An appeal that names a subject is the case's subject's own. */
    private void requireAppealOfItsSubject(SubjectRef named) {
        if (named != null && !named.equals(subject)) {
            throw new CaseRuleBroken("subject-mismatch", "the case is not about the subject the appeal names");
        }
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
                decision.requireEnforcementSettled();
                if (decision.whollyOverturned()) {
                    throw new CaseRuleBroken("case-status", "every action was overturned on appeal: close it as"
                            + " OVERTURNED");
                }
            }
            case OVERTURNED -> {
                requireStatus(CaseStatus.DECIDED);
                if (!decision.whollyOverturned()) {
                    throw new CaseRuleBroken("case-status", "only a decision whose every action was overturned on"
                            + " appeal closes as OVERTURNED");
                }
                decision.requireEnforcementSettled();
            }
            case NO_VIOLATION -> requireStatus(CaseStatus.DISMISSED);
            case SUBJECT_GONE -> {
                CasePermissions.requireAny(actor, Set.of(Role.LEAD));
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

    private void requireNotMerged() {
        if (mergedInto != null) {
            throw new CaseRuleBroken("case-merged", "this case was merged into " + mergedInto + "; work on that one");
        }
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

    // ---- state (the members keep theirs in their own handlers)

    @EventSourcingHandler
    void on(CaseOpened event, @Timestamp Instant at) {
        id = event.caseId();
        subject = event.subject();
        region = event.region();
        category = event.category();
        categories.add(event.category());
        priority = event.priority();
        sla = SlaClock.opened(at, event.slaDueAt(), event.decisionDueAt());
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
        sla = sla.withDeadlines(event.slaDueAt(), event.decisionDueAt());
    }

    @EventSourcingHandler
    void on(SlaBreached event) {
        sla = sla.withBreach(event.stage());
    }

    @EventSourcingHandler
    void on(CaseAssigned event) {
        assignee = event.assignee();
        sla = sla.assigned();
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
        if (event.approvalRequired()) {
            status = CaseStatus.DECISION_PROPOSED;
        }
    }

    @EventSourcingHandler
    void on(DecisionSentBack event) {
        status = CaseStatus.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(CaseDecided event) {
        status = event.verdict() == Verdict.VIOLATION ? CaseStatus.DECIDED : CaseStatus.DISMISSED;
    }

    @EventSourcingHandler
    void on(CaseMerged event) {
        mergedInto = event.into();
        status = CaseStatus.CLOSED;
        resolution = ResolutionCode.DUPLICATE;
    }

    @EventSourcingHandler
    void on(DuplicateAbsorbed event) {
        categories.add(event.category());
        event.flags().forEach(this::on);
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        status = CaseStatus.CLOSED;
        resolution = event.resolution();
    }

    @EventSourcingHandler
    void on(AppealFiled event) {
        statusBeforeAppeal = status;
        resolutionBeforeAppeal = resolution;
        status = CaseStatus.APPEALED;
        resolution = null;
    }

    /** Upheld: back where it was (decided, or closed); overturned in part or whole: decided, its reversals pending. */
    @EventSourcingHandler
    void on(AppealDecided event) {
        boolean upheld = event.outcome() == AppealOutcome.UPHELD;
        status = upheld ? statusBeforeAppeal : CaseStatus.DECIDED;
        resolution = upheld ? resolutionBeforeAppeal : null;
        statusBeforeAppeal = null;
        resolutionBeforeAppeal = null;
    }

    @EventSourcingHandler
    void on(CaseReopened event, @Timestamp Instant at) {
        sla = sla.reopened(at, event.decisionDueAt());
        status = CaseStatus.OPEN;
        assignee = null;
        resolution = null;
    }

    /** The case's exposure is its largest single-flag exposure in the currency of the first one reported. */
    static Money larger(Money current, Money reported) {
        if (reported == null) return current;
        if (current == null) return reported;
        if (!current.currency().equals(reported.currency())) return current;
        return reported.amount().compareTo(current.amount()) > 0 ? reported : current;
    }
}
