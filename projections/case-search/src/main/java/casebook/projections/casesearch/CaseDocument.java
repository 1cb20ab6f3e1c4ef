package casebook.projections.casesearch;

import casebook.cases.api.ActionId;
import casebook.cases.api.CaseAssigned;
import casebook.cases.api.CaseDecided;
import casebook.cases.api.CaseDeescalated;
import casebook.cases.api.CaseEscalated;
import casebook.cases.api.CaseId;
import casebook.cases.api.CaseOpened;
import casebook.cases.api.CaseStatus;
import casebook.cases.api.CaseUnassigned;
import casebook.cases.api.CaseView;
import casebook.cases.api.CaseView.Action;
import casebook.cases.api.CaseView.Decision;
import casebook.cases.api.CaseView.FlagSummary;
import casebook.cases.api.CaseView.Note;
import casebook.cases.api.DecisionProposed;
import casebook.cases.api.DecisionSentBack;
import casebook.cases.api.EnforcementApplied;
import casebook.cases.api.EnforcementFailed;
import casebook.cases.api.EnforcementRetried;
import casebook.cases.api.EnforcementState;
import casebook.cases.api.Flag;
import casebook.cases.api.FlagAttached;
import casebook.cases.api.Money;
import casebook.cases.api.NoteAdded;
import casebook.cases.api.Priority;
import casebook.cases.api.PriorityRaised;
import casebook.cases.api.Region;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.Verdict;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One case as the search index holds it, and how each event of the case changes it. Pure: no I/O, no framework.
 * {@code version} is the sequence number of the last event applied; an event at or below it is already in the
 * document and changes nothing, which makes replays harmless.
 */
record CaseDocument(CaseId caseId, SubjectRef subject, Region region, RiskCategory category, CaseStatus status,
                    Priority priority, String assignee, int flagCount, BigDecimal maxScore, MoneyAtRisk moneyAtRisk,
                    Signals signals, List<FlagSummary> flags, List<Note> notes, Instant openedAt, Instant slaDueAt,
                    Instant updatedAt, long version, Decision decision, boolean escalated) {

    /** The events this read model is made of. */
    static final Set<Class<?>> EVENTS = Set.of(CaseOpened.class, FlagAttached.class, PriorityRaised.class,
                                               CaseAssigned.class, CaseUnassigned.class, NoteAdded.class,
                                               CaseEscalated.class, CaseDeescalated.class,
                                               DecisionProposed.class, DecisionSentBack.class, CaseDecided.class,
                                               EnforcementApplied.class, EnforcementFailed.class,
                                               EnforcementRetried.class);

    CaseDocument {
        Objects.requireNonNull(caseId, "case id");
        signals = signals == null ? Signals.NONE : signals;
        flags = List.copyOf(flags == null ? List.of() : flags);
        notes = List.copyOf(notes == null ? List.of() : notes);
    }

    /**
     * Money at risk as indexed: {@code amount} is the exact decimal (a keyword), {@code value} the same number for
     * sorting and ranges.
     */
    record MoneyAtRisk(String amount, BigDecimal value, String currency) {
        static MoneyAtRisk of(Money money) {
            return new MoneyAtRisk(money.amount().toPlainString(), money.amount(), money.currency());
        }

        Money toMoney() {
            return new Money(new BigDecimal(amount), currency);
        }
    }

    /**
     * The document after one event of its case. {@code current} is null when the case has no document yet.
     *
     * @throws IllegalStateException when the case has no document and the event is not its opening: the index
     *                               lost the case, and only a rebuild can bring it back
     */
    static CaseDocument apply(CaseDocument current, Object event, long sequenceNumber, Instant at) {
        if (current != null && sequenceNumber <= current.version) {
            return current;
        }
        if (event instanceof CaseOpened opened) {
            return current == null ? opened(opened, sequenceNumber, at) : current;
        }
        if (current == null) {
            throw new IllegalStateException("no search document before " + event.getClass().getSimpleName() + " #"
                                            + sequenceNumber + " of its case; rebuild the case search index");
        }
        if (event instanceof FlagAttached e) return current.flagAttached(e.flag(), sequenceNumber, at);
        if (event instanceof PriorityRaised e) return current.priorityRaised(e, sequenceNumber, at);
        if (event instanceof CaseAssigned e) return current.assigned(e.assignee(), sequenceNumber, at);
        if (event instanceof CaseUnassigned) return current.unassigned(sequenceNumber, at);
        if (event instanceof NoteAdded e) return current.noteAdded(e, sequenceNumber, at);
        if (event instanceof CaseEscalated) return current.escalation(true, sequenceNumber, at);
        if (event instanceof CaseDeescalated) return current.escalation(false, sequenceNumber, at);
        if (event instanceof DecisionProposed e) return current.decisionProposed(e, sequenceNumber, at);
        if (event instanceof DecisionSentBack) return current.decisionSentBack(sequenceNumber, at);
        if (event instanceof CaseDecided e) return current.decided(e, sequenceNumber, at);
        if (event instanceof EnforcementApplied e) {
            return current.enforcement(e.actionId(), EnforcementState.APPLIED, e.attempt(), null, sequenceNumber, at);
        }
        if (event instanceof EnforcementFailed e) {
            return current.enforcement(e.actionId(), EnforcementState.FAILED, e.attempt(), e.reason(), sequenceNumber, at);
        }
        if (event instanceof EnforcementRetried e) {
            return current.enforcement(e.action().actionId(), EnforcementState.ORDERED, e.attempt(), null,
                                       sequenceNumber, at);
        }
        throw new IllegalArgumentException("not a case search event: " + event.getClass().getName());
    }

    static CaseDocument opened(CaseOpened e, long sequenceNumber, Instant at) {
        return new CaseDocument(e.caseId(), e.subject(), e.region(), e.category(), CaseStatus.OPEN, e.priority(),
                                null, 0, null, null, Signals.NONE, List.of(), List.of(), at, e.slaDueAt(), at,
                                sequenceNumber, null, false);
    }

    CaseDocument flagAttached(Flag flag, long sequenceNumber, Instant at) {
        List<FlagSummary> moreFlags = new ArrayList<>(flags);
        moreFlags.add(new FlagSummary(flag.flagId(), flag.source(), flag.score(), flag.observedAt()));
        BigDecimal highest = maxScore == null || flag.score().compareTo(maxScore) > 0 ? flag.score() : maxScore;
        return new CaseDocument(caseId, subject, region, category, status, priority, assignee, flagCount + 1, highest,
                                largerMoneyAtRisk(flag.moneyAtRisk()), union(signals, flag.signals()), moreFlags,
                                notes, openedAt, slaDueAt, at, sequenceNumber, decision, escalated);
    }

    /** The largest single-flag amount, in the currency of the first flag that carried money. */
    private MoneyAtRisk largerMoneyAtRisk(Money flagMoney) {
        if (flagMoney == null) {
            return moneyAtRisk;
        }
        if (moneyAtRisk == null) {
            return MoneyAtRisk.of(flagMoney);
        }
        boolean sameCurrency = moneyAtRisk.currency().equals(flagMoney.currency());
        return sameCurrency && flagMoney.amount().compareTo(moneyAtRisk.value()) > 0
                ? MoneyAtRisk.of(flagMoney) : moneyAtRisk;
    }

    private static Signals union(Signals a, Signals b) {
        return new Signals(union(a.deviceIds(), b.deviceIds()), union(a.ips(), b.ips()),
                           union(a.paymentFingerprints(), b.paymentFingerprints()),
                           union(a.linkedAccounts(), b.linkedAccounts()));
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    CaseDocument priorityRaised(PriorityRaised e, long sequenceNumber, Instant at) {
        Instant due = e.slaDueAt() == null ? slaDueAt : e.slaDueAt();
        return new CaseDocument(caseId, subject, region, category, status, e.to(), assignee, flagCount, maxScore,
                                moneyAtRisk, signals, flags, notes, openedAt, due, at, sequenceNumber, decision, escalated);
    }

    CaseDocument assigned(String newAssignee, long sequenceNumber, Instant at) {
        return new CaseDocument(caseId, subject, region, category, CaseStatus.IN_REVIEW, priority, newAssignee,
                                flagCount, maxScore, moneyAtRisk, signals, flags, notes, openedAt, slaDueAt, at,
                                sequenceNumber, decision, escalated);
    }

    CaseDocument unassigned(long sequenceNumber, Instant at) {
        return new CaseDocument(caseId, subject, region, category, CaseStatus.OPEN, priority, null, flagCount,
                                maxScore, moneyAtRisk, signals, flags, notes, openedAt, slaDueAt, at, sequenceNumber, decision, escalated);
    }

    CaseDocument noteAdded(NoteAdded e, long sequenceNumber, Instant at) {
        List<Note> moreNotes = new ArrayList<>(notes);
        moreNotes.add(new Note(e.noteId(), e.author(), e.text(), at));
        return new CaseDocument(caseId, subject, region, category, status, priority, assignee, flagCount, maxScore,
                                moneyAtRisk, signals, flags, moreNotes, openedAt, slaDueAt, at, sequenceNumber, decision, escalated);
    }

    CaseDocument escalation(boolean nowEscalated, long sequenceNumber, Instant at) {
        return new CaseDocument(caseId, subject, region, category, status, priority, assignee, flagCount, maxScore,
                                moneyAtRisk, signals, flags, notes, openedAt, slaDueAt, at, sequenceNumber, decision,
                                nowEscalated);
    }

    CaseDocument decisionProposed(DecisionProposed e, long sequenceNumber, Instant at) {
        Decision proposed = new Decision(e.decisionId(), e.verdict(), Decision.State.PROPOSED, e.policyRefs(),
                e.rationale(), e.actions().stream().map(a -> new Action(null, a.action(), a.parameters(), null, 0, null))
                        .toList(),
                e.label(), e.proposedBy(), e.approvalRequired(), null);
        return withDecision(e.approvalRequired() ? CaseStatus.DECISION_PROPOSED : status, proposed, sequenceNumber, at);
    }

    CaseDocument decisionSentBack(long sequenceNumber, Instant at) {
        return withDecision(CaseStatus.IN_REVIEW, null, sequenceNumber, at);
    }

    CaseDocument decided(CaseDecided e, long sequenceNumber, Instant at) {
        Decision taken = new Decision(e.decisionId(), e.verdict(), Decision.State.TAKEN, e.policyRefs(), e.rationale(),
                e.actions().stream().map(a -> new Action(a.actionId(), a.action(), a.parameters(),
                        EnforcementState.ORDERED, 1, null)).toList(),
                e.label(), e.decidedBy(), e.approvedBy() != null, e.approvedBy());
        return withDecision(e.verdict() == Verdict.VIOLATION ? CaseStatus.DECIDED : CaseStatus.DISMISSED, taken,
                            sequenceNumber, at);
    }

    CaseDocument enforcement(ActionId actionId, EnforcementState state, int attempt, String failure,
                             long sequenceNumber, Instant at) {
        List<Action> actions = decision.actions().stream()
                .map(a -> a.actionId().equals(actionId)
                        ? new Action(actionId, a.action(), a.parameters(), state, attempt,
                                     state == EnforcementState.FAILED ? failure : a.failure())
                        : a)
                .toList();
        Decision changed = new Decision(decision.decisionId(), decision.verdict(), decision.state(),
                decision.policyRefs(), decision.rationale(), actions, decision.label(), decision.proposedBy(),
                decision.approvalRequired(), decision.approvedBy());
        return withDecision(status, changed, sequenceNumber, at);
    }

    private CaseDocument withDecision(CaseStatus newStatus, Decision newDecision, long sequenceNumber, Instant at) {
        return new CaseDocument(caseId, subject, region, category, newStatus, priority, assignee, flagCount, maxScore,
                                moneyAtRisk, signals, flags, notes, openedAt, slaDueAt, at, sequenceNumber, newDecision,
                                escalated);
    }

    CaseView toView() {
        return new CaseView(caseId, subject, region, category, status, priority, assignee, flagCount, maxScore,
                            moneyAtRisk == null ? null : moneyAtRisk.toMoney(), signals, flags, notes, openedAt,
                            slaDueAt, updatedAt, version, decision, escalated);
    }
}
