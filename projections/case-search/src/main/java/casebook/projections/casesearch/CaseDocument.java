package casebook.projections.casesearch;

import casebook.cases.api.ActionId;
import casebook.cases.api.AppealDecided;
import casebook.cases.api.AppealFiled;
import casebook.cases.api.AppealOutcome;
import casebook.cases.api.CaseView.Appeal;
import casebook.cases.api.CaseView.Statement;
import casebook.cases.api.ReversalOrdered;
import casebook.cases.api.StatementOfReasonsIssued;
import casebook.cases.api.CaseAssigned;
import casebook.cases.api.CaseMerged;
import casebook.cases.api.DuplicateAbsorbed;
import casebook.cases.api.EntityLinked;
import casebook.cases.api.EntityUnlinked;
import casebook.cases.api.Evidence;
import casebook.cases.api.EvidenceAdded;
import casebook.cases.api.LinkedEntity;
import casebook.cases.api.CaseView.EvidenceItem;
import casebook.cases.api.CaseClosed;
import casebook.cases.api.CaseReopened;
import casebook.cases.api.ResolutionCode;
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
import casebook.cases.api.DisclosureRecorded;
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
import casebook.cases.api.SlaBreached;
import casebook.cases.api.SlaStage;
import casebook.cases.api.Signals;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.Verdict;
import casebook.cases.api.CaseView.Hold;
import casebook.cases.api.LegalHoldPlaced;
import casebook.cases.api.LegalHoldReleased;
import casebook.cases.api.PersonalData;
import casebook.cases.api.PersonalDataErased;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One case as the search index holds it, and how each event of the case changes it. Pure: no I/O, no framework.
 * {@code version} is the sequence number of the last event applied; an event at or below it is already in the
 * document and changes nothing, which makes replays harmless.
 * <p>
 * The document stays bounded however many flags a case takes: it keeps the latest {@value #MAX_FLAGS} flag summaries
 * ({@code flagCount} counts all), the first {@value #MAX_SIGNALS_PER_KIND} distinct values of each kind of signal
 * (all searchable; the case view shows the first {@value #MAX_SIGNALS_SHOWN}) and the first {@value #MAX_FLAG_SOURCES}
 * flag sources. Notes, evidence and links are bounded by the case's own limits.
 */
record CaseDocument(CaseId caseId, SubjectRef subject, Region region, RiskCategory category, CaseStatus status,
                    Priority priority, String assignee, int flagCount, BigDecimal maxScore, MoneyAtRisk moneyAtRisk,
                    Signals signals, List<FlagSummary> flags, List<Note> notes, Instant openedAt, Instant slaDueAt,
                    Instant updatedAt, long version, Decision decision, boolean escalated, Instant decisionDueAt,
                    List<SlaStage> slaBreaches, Instant firstAssignedAt, Instant decidedAt, Instant nextDueAt,
                    ResolutionCode resolution, Instant closedAt, Long secondsToFirstAssignment,
                    Long secondsToDecision, List<String> flagSources, List<EvidenceItem> evidence,
                    List<LinkedEntity> links, CaseId mergedInto, List<Appeal> appeals, BeforeAppeal beforeAppeal,
                    AppealOfDecision appeal, List<CaseView.Disclosure> disclosures,
                    List<Hold> holds, Instant erasedAt) {

    static final int MAX_FLAGS = 1_000;
    static final int MAX_SIGNALS_PER_KIND = 1_000;
    static final int MAX_SIGNALS_SHOWN = 100;
    static final int MAX_FLAG_SOURCES = 1_000;

    /** The events this read model is made of. */
    static final Set<Class<?>> EVENTS = Set.of(CaseOpened.class, FlagAttached.class, PriorityRaised.class,
                                               CaseAssigned.class, CaseUnassigned.class, NoteAdded.class,
                                               CaseEscalated.class, CaseDeescalated.class,
                                               DecisionProposed.class, DecisionSentBack.class, CaseDecided.class,
                                               EnforcementApplied.class, EnforcementFailed.class,
                                               EnforcementRetried.class, SlaBreached.class,
                                               CaseClosed.class, CaseReopened.class, EvidenceAdded.class,
                                               EntityLinked.class, EntityUnlinked.class, CaseMerged.class,
                                               DuplicateAbsorbed.class, StatementOfReasonsIssued.class,
                                               AppealFiled.class, AppealDecided.class, ReversalOrdered.class,
                                               DisclosureRecorded.class, LegalHoldPlaced.class,
                                               LegalHoldReleased.class, PersonalDataErased.class);

    CaseDocument {
        Objects.requireNonNull(caseId, "case id");
        signals = signals == null ? Signals.NONE : signals;
        flags = List.copyOf(flags == null ? List.of() : flags);
        notes = List.copyOf(notes == null ? List.of() : notes);
        slaBreaches = List.copyOf(slaBreaches == null ? List.of() : slaBreaches);
        flagSources = List.copyOf(flagSources == null ? List.of() : flagSources);
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
        links = List.copyOf(links == null ? List.of() : links);
        appeals = List.copyOf(appeals == null ? List.of() : appeals);
        disclosures = List.copyOf(disclosures == null ? List.of() : disclosures);
        holds = List.copyOf(holds == null ? List.of() : holds);
    }

    /** Where an appealed case returns when its appeal is upheld: decided, or closed with its resolution. */
    record BeforeAppeal(CaseStatus status, ResolutionCode resolution, Instant closedAt) {
    }

    /**
     * The appeal of the case's current decision, derived from {@code appeals} for the lead's appeal and overturn rates
     * (docs/adr/0022): when it was filed and, once decided, its outcome. None after a reopening (a new decision).
     */
    record AppealOfDecision(Instant filedAt, AppealOutcome outcome, Instant decidedAt) {
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
        Draft next = new Draft(current, sequenceNumber, at);
        if (event instanceof FlagAttached e) next.flagAttached(e.flag());
        else if (event instanceof PriorityRaised e) next.priorityRaised(e);
        else if (event instanceof CaseAssigned e) next.assigned(e.assignee(), at);
        else if (event instanceof CaseUnassigned) next.unassigned();
        else if (event instanceof NoteAdded e) next.notes.add(new Note(e.noteId(), e.author(), e.text(), at));
        else if (event instanceof CaseEscalated) next.escalated = true;
        else if (event instanceof CaseDeescalated) next.escalated = false;
        else if (event instanceof SlaBreached e) next.slaBreaches.add(e.stage());
        else if (event instanceof CaseClosed e) next.closed(e.resolution(), at);
        else if (event instanceof CaseReopened e) next.reopened(e.decisionDueAt());
        else if (event instanceof EvidenceAdded e) next.evidence.add(item(e.evidence(), at));
        else if (event instanceof EntityLinked e) next.links.add(e.entity());
        else if (event instanceof EntityUnlinked e) {
            next.links.removeIf(l -> l.kind() == e.kind() && l.value().equals(e.value()));
        } else if (event instanceof CaseMerged e) {
            next.closed(ResolutionCode.DUPLICATE, at);
            next.mergedInto = e.into();
        } else if (event instanceof DuplicateAbsorbed e) {
            e.flags().forEach(next::flagAttached);
            e.evidence().forEach(x -> next.evidence.add(item(x, at)));
            next.links.addAll(e.entities());
        }
        else if (event instanceof DisclosureRecorded e) next.disclosures.add(CaseView.Disclosure.of(e));
        else if (event instanceof LegalHoldPlaced e) next.holds.add(new Hold(e.requestId(), e.placedBy(), at));
        else if (event instanceof LegalHoldReleased e) next.holds.removeIf(h -> h.requestId().equals(e.requestId()));
        else if (event instanceof PersonalDataErased) next.erased(at);
        else if (event instanceof DecisionProposed e) next.decisionProposed(e);
        else if (event instanceof DecisionSentBack) next.decisionSentBack();
        else if (event instanceof CaseDecided e) next.decided(e, at);
        else if (event instanceof StatementOfReasonsIssued e) next.statementIssued(e);
        else if (event instanceof AppealFiled e) next.appealFiled(e, at);
        else if (event instanceof AppealDecided e) next.appealDecided(e, at);
        else if (event instanceof ReversalOrdered e) next.reversalOrdered(e);
        else if (event instanceof EnforcementApplied e) {
            next.enforcement(e.actionId(), EnforcementState.APPLIED, e.attempt(), null);
        } else if (event instanceof EnforcementFailed e) {
            next.enforcement(e.actionId(), EnforcementState.FAILED, e.attempt(), e.reason());
        } else if (event instanceof EnforcementRetried e) {
            next.enforcement(e.action().actionId(), EnforcementState.ORDERED, e.attempt(), null);
        } else {
            throw new IllegalArgumentException("not a case search event: " + event.getClass().getName());
        }
        return next.build();
    }

    static CaseDocument opened(CaseOpened e, long sequenceNumber, Instant at) {
        return new CaseDocument(e.caseId(), e.subject(), e.region(), e.category(), CaseStatus.OPEN, e.priority(),
                                null, 0, null, null, Signals.NONE, List.of(), List.of(), at, e.slaDueAt(), at,
                                sequenceNumber, null, false, e.decisionDueAt(), List.of(), null, null, e.slaDueAt(),
                                null, null, null, null, List.of(), List.of(), List.of(), null, List.of(), null,
                                null, List.of(), List.of(), null);
    }

    /**
     * The next document of a case while one event changes it: a copy of every field, changed in place by the event,
     * then built into a new (immutable) document.
     */
    private static final class Draft {
        private final CaseDocument from;
        private final long version;
        private final Instant updatedAt;
        private CaseStatus status;
        private Priority priority;
        private String assignee;
        private int flagCount;
        private BigDecimal maxScore;
        private MoneyAtRisk moneyAtRisk;
        private Signals signals;
        private final List<FlagSummary> flags;
        private final List<Note> notes;
        private Instant slaDueAt;
        private Decision decision;
        private boolean escalated;
        private Instant decisionDueAt;
        private final List<SlaStage> slaBreaches;
        private Instant firstAssignedAt;
        private Instant decidedAt;
        private ResolutionCode resolution;
        private Instant closedAt;
        private final List<String> flagSources;
        private final List<EvidenceItem> evidence;
        private final List<LinkedEntity> links;
        private CaseId mergedInto;
        private final List<Appeal> appeals;
        private BeforeAppeal beforeAppeal;
        private final List<CaseView.Disclosure> disclosures;
        private SubjectRef subject;
        private final List<Hold> holds;
        private Instant erasedAt;

        Draft(CaseDocument from, long version, Instant updatedAt) {
            this.from = from;
            this.version = version;
            this.updatedAt = updatedAt;
            status = from.status;
            priority = from.priority;
            assignee = from.assignee;
            flagCount = from.flagCount;
            maxScore = from.maxScore;
            moneyAtRisk = from.moneyAtRisk;
            signals = from.signals;
            flags = new ArrayList<>(from.flags);
            notes = new ArrayList<>(from.notes);
            slaDueAt = from.slaDueAt;
            decision = from.decision;
            escalated = from.escalated;
            decisionDueAt = from.decisionDueAt;
            slaBreaches = new ArrayList<>(from.slaBreaches);
            firstAssignedAt = from.firstAssignedAt;
            decidedAt = from.decidedAt;
            resolution = from.resolution;
            closedAt = from.closedAt;
            flagSources = new ArrayList<>(from.flagSources);
            evidence = new ArrayList<>(from.evidence);
            links = new ArrayList<>(from.links);
            mergedInto = from.mergedInto;
            appeals = new ArrayList<>(from.appeals);
            beforeAppeal = from.beforeAppeal;
            disclosures = new ArrayList<>(from.disclosures);
            subject = from.subject;
            holds = new ArrayList<>(from.holds);
            erasedAt = from.erasedAt;
        }

        CaseDocument build() {
            return new CaseDocument(from.caseId, subject, from.region, from.category, status, priority, assignee,
                                    flagCount, maxScore, moneyAtRisk, signals, flags, notes, from.openedAt, slaDueAt,
                                    updatedAt, version, decision, escalated, decisionDueAt, slaBreaches,
                                    firstAssignedAt, decidedAt, nextDueAt(), resolution, closedAt,
                                    secondsBetween(from.openedAt, firstAssignedAt), secondsBetween(from.openedAt, decidedAt),
                                    flagSources, evidence, links, mergedInto, appeals, beforeAppeal,
                                    appealOfDecision(), disclosures, holds, erasedAt);
        }

        /** The appeal filed against the current decision, if any. */
        private AppealOfDecision appealOfDecision() {
            if (decision == null) return null;
            return appeals.stream().filter(a -> a.decisionId().equals(decision.decisionId())).reduce((a, b) -> b)
                    .map(a -> new AppealOfDecision(a.filedAt(), a.outcome(), a.decidedAt())).orElse(null);
        }

        /**
         * The case's personal data was erased (docs/adr/0019): every personal value the document holds (subject id,
         * signals, note texts, evidence references and notes, linked entities, rationale and failure reasons) reads
         * {@code [erased]} or is dropped, so that search no longer finds the subject by any of them. Facts stay.
         */
        void erased(Instant at) {
            erasedAt = at;
            subject = new SubjectRef(subject.kind(), PersonalData.ERASED);
            signals = Signals.NONE;
            notes.replaceAll(n -> new Note(n.noteId(), n.author(), PersonalData.ERASED, n.addedAt()));
            evidence.replaceAll(e -> new EvidenceItem(e.evidenceId(), e.kind(), PersonalData.ERASED, e.sha256(),
                    e.addedBy(), e.note() == null ? null : PersonalData.ERASED, e.addedAt()));
            // one [erased] entity per kind, as the case itself reads them once their values are erased
            java.util.Map<casebook.cases.api.EntityKind, LinkedEntity> erasedLinks = new java.util.LinkedHashMap<>();
            links.forEach(l -> erasedLinks.putIfAbsent(l.kind(), new LinkedEntity(l.kind(), PersonalData.ERASED,
                    l.linkedBy(), l.note() == null ? null : PersonalData.ERASED)));
            links.clear();
            links.addAll(erasedLinks.values());
            if (decision != null) {
                decision = new Decision(decision.decisionId(), decision.verdict(), decision.state(),
                        decision.policyRefs(), decision.rationale() == null ? null : PersonalData.ERASED,
                        decision.actions().stream().map(a -> new Action(a.actionId(), a.action(), a.parameters(),
                                a.state(), a.attempt(), a.failure() == null ? null : PersonalData.ERASED,
                                a.reverses())).toList(),
                        decision.label(), decision.proposedBy(), decision.approvalRequired(), decision.approvedBy(),
                        decision.statementOfReasons());
            }
            appeals.replaceAll(a -> new Appeal(a.appealId(), a.decisionId(), a.status(), a.filedAt(), a.filedBy(),
                    a.channel(), a.statement() == null ? null : PersonalData.ERASED,
                    a.evidenceRefs().stream().map(r -> PersonalData.ERASED).distinct().toList(), a.reviewDueAt(),
                    a.outcome(), a.rulings(), a.rationale() == null ? null : PersonalData.ERASED, a.reviewedBy(),
                    a.decidedAt()));
        }

        private static Long secondsBetween(Instant start, Instant end) {
            return start == null || end == null ? null : java.time.Duration.between(start, end).toSeconds();
        }

        /**
         * The deadline the case works towards: its first assignment, then its decision, none once decided; while
         * appealed, the appeal's review.
         */
        private Instant nextDueAt() {
            if (status == CaseStatus.APPEALED) {
                return appeals.isEmpty() ? null : appeals.get(appeals.size() - 1).reviewDueAt();
            }
            if (decidedAt != null || status == CaseStatus.CLOSED) return null;
            return firstAssignedAt == null ? slaDueAt : decisionDueAt;
        }

        void flagAttached(Flag flag) {
            flags.add(new FlagSummary(flag.flagId(), flag.source(), flag.score(), flag.observedAt()));
            if (flags.size() > MAX_FLAGS) flags.remove(0);
            String source = FlagSourceKeys.of(flag.source());
            if (!flagSources.contains(source) && flagSources.size() < MAX_FLAG_SOURCES) flagSources.add(source);
            flagCount++;
            maxScore = maxScore == null || flag.score().compareTo(maxScore) > 0 ? flag.score() : maxScore;
            moneyAtRisk = largerMoneyAtRisk(flag.moneyAtRisk());
            signals = union(signals, flag.signals());
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

        void priorityRaised(PriorityRaised e) {
            priority = e.to();
            slaDueAt = e.slaDueAt() == null ? slaDueAt : e.slaDueAt();
            decisionDueAt = e.decisionDueAt() == null ? decisionDueAt : e.decisionDueAt();
        }

        void assigned(String newAssignee, Instant at) {
            status = CaseStatus.IN_REVIEW;
            assignee = newAssignee;
            firstAssignedAt = firstAssignedAt == null ? at : firstAssignedAt;
        }

        void unassigned() {
            status = CaseStatus.OPEN;
            assignee = null;
        }

        void decisionProposed(DecisionProposed e) {
            decision = new Decision(e.decisionId(), e.verdict(), Decision.State.PROPOSED, e.policyRefs(),
                    e.rationale(), e.actions().stream().map(a -> new Action(null, a.action(), a.parameters(), null, 0,
                            null, null)).toList(),
                    e.label(), e.proposedBy(), e.approvalRequired(), null, null);
            status = e.approvalRequired() ? CaseStatus.DECISION_PROPOSED : status;
        }

        void decisionSentBack() {
            decision = null;
            status = CaseStatus.IN_REVIEW;
        }

        void decided(CaseDecided e, Instant at) {
            decision = new Decision(e.decisionId(), e.verdict(), Decision.State.TAKEN, e.policyRefs(), e.rationale(),
                    e.actions().stream().map(a -> new Action(a.actionId(), a.action(), a.parameters(),
                            EnforcementState.ORDERED, 1, null, null)).toList(),
                    e.label(), e.decidedBy(), e.approvedBy() != null, e.approvedBy(), null);
            status = e.verdict() == Verdict.VIOLATION ? CaseStatus.DECIDED : CaseStatus.DISMISSED;
            decidedAt = at;
        }

        void closed(ResolutionCode code, Instant at) {
            status = CaseStatus.CLOSED;
            resolution = code;
            closedAt = at;
        }

        /** Open and unassigned again, for a new decision; the earlier one stays in the history. */
        void reopened(Instant newDecisionDueAt) {
            status = CaseStatus.OPEN;
            assignee = null;
            decision = null;
            decidedAt = null;
            resolution = null;
            closedAt = null;
            decisionDueAt = newDecisionDueAt;
            slaBreaches.remove(SlaStage.DECISION);
        }

        void enforcement(ActionId actionId, EnforcementState state, int attempt, String failure) {
            List<Action> actions = decision.actions().stream()
                    .map(a -> a.actionId().equals(actionId)
                            ? new Action(actionId, a.action(), a.parameters(), state, attempt,
                                         state == EnforcementState.FAILED ? failure : a.failure(), a.reverses())
                            : a)
                    .toList();
            decision = decision.withActions(actions);
        }

        void statementIssued(StatementOfReasonsIssued e) {
            if (decision == null || !decision.decisionId().equals(e.decisionId())) return;
            var s = e.statement();
            decision = decision.withStatement(new Statement(s.ground(), s.legalGround(), s.restrictions(),
                    s.decidedAt(), s.appealBy()));
        }

        void appealFiled(AppealFiled e, Instant at) {
            beforeAppeal = new BeforeAppeal(status, resolution, closedAt);
            status = CaseStatus.APPEALED;
            resolution = null;
            closedAt = null;
            appeals.add(new Appeal(e.appealId(), e.decisionId(), Appeal.Status.FILED, at, e.filedBy(), e.channel(),
                    e.statement(), e.evidenceRefs(), e.reviewDueAt(), null, List.of(), null, null, null));
        }

        /** Upheld: back where it was (decided, or closed); overturned in part or whole: decided, reversals pending. */
        void appealDecided(AppealDecided e, Instant at) {
            boolean upheld = e.outcome() == AppealOutcome.UPHELD;
            BeforeAppeal before = beforeAppeal == null ? new BeforeAppeal(CaseStatus.DECIDED, null, null) : beforeAppeal;
            status = upheld ? before.status() : CaseStatus.DECIDED;
            resolution = upheld ? before.resolution() : null;
            closedAt = upheld ? before.closedAt() : null;
            beforeAppeal = null;
            appeals.replaceAll(a -> a.appealId().equals(e.appealId())
                    ? new Appeal(a.appealId(), a.decisionId(), Appeal.Status.DECIDED, a.filedAt(), a.filedBy(),
                                 a.channel(), a.statement(), a.evidenceRefs(), a.reviewDueAt(), e.outcome(),
                                 e.rulings(), e.rationale(), e.reviewedBy(), at)
                    : a);
        }

        /** The reversal of an overturned action is an order of its own, tracked beside the action it undoes. */
        void reversalOrdered(ReversalOrdered e) {
            if (decision == null) return;
            List<Action> actions = new ArrayList<>(decision.actions());
            actions.add(new Action(e.reversal().actionId(), e.reversal().action(), e.reversal().parameters(),
                    EnforcementState.ORDERED, 1, null, e.reverses()));
            decision = decision.withActions(actions);
        }
    }

    private static EvidenceItem item(Evidence e, Instant at) {
        return new EvidenceItem(e.evidenceId(), e.kind(), e.reference(), e.sha256(), e.addedBy(), e.note(), at);
    }

    private static Signals union(Signals a, Signals b) {
        return new Signals(union(a.deviceIds(), b.deviceIds()), union(a.ips(), b.ips()),
                           union(a.paymentFingerprints(), b.paymentFingerprints()),
                           union(a.linkedAccounts(), b.linkedAccounts()));
    }

    /**
     * The values of {@code a}, then those of {@code b} that are new, up to {@link #MAX_SIGNALS_PER_KIND}; {@code a}
     * itself when nothing is new. A flag brings a few values to a case that may hold a thousand: they are looked up
     * in {@code a} rather than {@code a} rehashed, so a case's 1,000th flag costs no more than its first.
     */
    private static List<String> union(List<String> a, List<String> b) {
        List<String> added = null;
        for (String value : b) {
            if (a.size() + (added == null ? 0 : added.size()) >= MAX_SIGNALS_PER_KIND) break;
            if (!a.contains(value) && (added == null || !added.contains(value))) {
                if (added == null) added = new ArrayList<>(b.size());
                added.add(value);
            }
        }
        if (added == null) {
            return a;
        }
        List<String> all = new ArrayList<>(a.size() + added.size());
        all.addAll(a);
        all.addAll(added);
        return List.copyOf(all);
    }

    private static Signals shown(Signals all) {
        return new Signals(first(all.deviceIds()), first(all.ips()), first(all.paymentFingerprints()),
                           first(all.linkedAccounts()));
    }

    private static List<String> first(List<String> values) {
        return values.size() <= MAX_SIGNALS_SHOWN ? values : values.subList(0, MAX_SIGNALS_SHOWN);
    }

    CaseView toView() {
        return new CaseView(caseId, subject, region, category, status, priority, assignee, flagCount, maxScore,
                            moneyAtRisk == null ? null : moneyAtRisk.toMoney(), shown(signals), flags, notes, openedAt,
                            slaDueAt, updatedAt, version, decision, escalated, decisionDueAt, slaBreaches, nextDueAt,
                            resolution, closedAt, evidence, links, mergedInto, appeals, disclosures, holds, erasedAt);
    }
}
