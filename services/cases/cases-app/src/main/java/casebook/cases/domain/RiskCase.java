package casebook.cases.domain;

import casebook.cases.api.Actor;
import casebook.cases.api.AddNote;
import casebook.cases.api.AssignCase;
import casebook.cases.api.AttachFlag;
import casebook.cases.api.CaseAssigned;
import casebook.cases.api.CaseId;
import casebook.cases.api.CaseOpened;
import casebook.cases.api.CaseStatus;
import casebook.cases.api.CaseUnassigned;
import casebook.cases.api.Flag;
import casebook.cases.api.FlagAttached;
import casebook.cases.api.FlagId;
import casebook.cases.api.Money;
import casebook.cases.api.NoteAdded;
import casebook.cases.api.OpenCase;
import casebook.cases.api.Priority;
import casebook.cases.api.PriorityRaised;
import casebook.cases.api.Region;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Role;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.UnassignCase;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A risk case about one subject and category in one region. It only decides: one guard per rule, state
 * changes only in event sourcing handlers. Command handlers answer the case's version after the change.
 */
@Aggregate(repository = "riskCaseRepository")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RiskCase {
    /** Metadata key of the case's region, stamped on every event of the case by {@link #record}. */
    public static final String REGION = "region";

    @AggregateIdentifier
    private CaseId id;
    private SubjectRef subject;
    private Region region;
    private RiskCategory category;
    private CaseStatus status;
    private Priority priority;
    private Instant openedAt;
    private Instant slaDueAt;
    private String assignee;
    private Set<FlagId> flagIds = new HashSet<>();
    private BigDecimal maxScore = BigDecimal.ZERO;
    private Money moneyAtRisk;

    protected RiskCase() {
        // for Axon
    }

    @CommandHandler
    public RiskCase(OpenCase command, SlaPolicy slaPolicy) {
        Flag flag = command.flag();
        Priority initial = SubjectKindPolicy.of(flag.subject().kind())
                .priorityOf(flag.category(), flag.score(), flag.moneyAtRisk());
        Instant dueAt = now().plus(slaPolicy.timeToFirstAssignment(flag.region(), initial));
        record(new CaseOpened(command.caseId(), flag.subject(), flag.region(), flag.category(), initial, dueAt),
                flag.region());
        record(new FlagAttached(command.caseId(), flag), flag.region());
    }

    @CommandHandler
    public long handle(AttachFlag command, SlaPolicy slaPolicy) {
        Flag flag = command.flag();
        requireSameSubject(flag);
        if (flagIds.contains(flag.flagId())) {
            return getVersion();
        }
        record(new FlagAttached(id, flag));
        Priority now = SubjectKindPolicy.of(subject.kind()).priorityOf(category, maxScore, moneyAtRisk);
        if (now.isMoreUrgentThan(priority)) {
            Instant tighter = openedAt.plus(slaPolicy.timeToFirstAssignment(region, now));
            record(new PriorityRaised(id, priority, now, tighter.isBefore(slaDueAt) ? tighter : slaDueAt));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(AssignCase command) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        requireRole(actor, Role.ANALYST, Role.LEAD);
        requireStatus(CaseStatus.OPEN, CaseStatus.IN_REVIEW);
        requireAnalystsAssignOnlyThemselves(actor, command.assignee());
        if (!command.assignee().equals(assignee)) {
            record(new CaseAssigned(id, command.assignee(), assignee));
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
        requireNoteText(command.text());
        record(new NoteAdded(id, command.noteId(), actor.userId(), command.text().strip()));
        return getVersion();
    }

    // ---- guards: one per rule

    private void requireVisibleTo(Actor actor) {
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

    private static void requireAnalystsAssignOnlyThemselves(Actor actor, String assignee) {
        if (!actor.has(Role.LEAD) && !actor.userId().equals(assignee)) {
            throw new CaseRuleBroken("analyst-may-assign-only-self",
                    "an analyst can take or release a case only for themselves; a lead assigns others");
        }
    }

    private void requireSameSubject(Flag flag) {
        if (!flag.subject().equals(subject) || flag.category() != category || !flag.region().equals(region)) {
            throw new CaseRuleBroken("flag-subject-mismatch", "the flag is about another subject, category or region");
        }
    }

    private static void requireNoteText(String text) {
        if (text == null || text.isBlank() || text.length() > AddNote.MAX_TEXT_LENGTH) {
            throw new CaseRuleBroken("note-text", "a note needs 1-" + AddNote.MAX_TEXT_LENGTH
                    + " characters");
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
        priority = event.priority();
        slaDueAt = event.slaDueAt();
        openedAt = at;
        status = CaseStatus.OPEN;
    }

    @EventSourcingHandler
    void on(FlagAttached event) {
        Flag flag = event.flag();
        flagIds.add(flag.flagId());
        maxScore = maxScore.max(flag.score());
        moneyAtRisk = larger(moneyAtRisk, flag.moneyAtRisk());
    }

    @EventSourcingHandler
    void on(PriorityRaised event) {
        priority = event.to();
        slaDueAt = event.slaDueAt();
    }

    @EventSourcingHandler
    void on(CaseAssigned event) {
        assignee = event.assignee();
        status = CaseStatus.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(CaseUnassigned event) {
        assignee = null;
        status = CaseStatus.OPEN;
    }

    /** The case's exposure is its largest single-flag exposure in the currency of the first one reported. */
    static Money larger(Money current, Money reported) {
        if (reported == null) return current;
        if (current == null) return reported;
        if (!current.currency().equals(reported.currency())) return current;
        return reported.amount().compareTo(current.amount()) > 0 ? reported : current;
    }
}
