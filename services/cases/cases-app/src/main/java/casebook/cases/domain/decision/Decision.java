package casebook.cases.domain.decision;

import casebook.cases.api.ActionId;
import casebook.cases.api.ActionRuling;
import casebook.cases.api.AppealDecided;
import casebook.cases.api.AppealFiled;
import casebook.cases.api.AppealId;
import casebook.cases.api.AppealOutcome;
import casebook.cases.api.DecideAppeal;
import casebook.cases.api.DecisionGround;
import casebook.cases.api.DecisionId;
import casebook.cases.api.FileAppeal;
import casebook.cases.api.Region;
import casebook.cases.api.Restriction;
import casebook.cases.api.ReversalOrdered;
import casebook.cases.api.Ruling;
import casebook.cases.api.StatementOfReasons;
import casebook.cases.api.StatementOfReasonsIssued;
import casebook.cases.api.Actor;
import casebook.cases.api.CaseClosed;
import casebook.cases.api.CaseDecided;
import casebook.cases.api.CaseId;
import casebook.cases.api.CaseMerged;
import casebook.cases.api.CaseReopened;
import casebook.cases.api.DecisionProposed;
import casebook.cases.api.DecisionSentBack;
import casebook.cases.api.EnforcementAction;
import casebook.cases.api.EnforcementApplied;
import casebook.cases.api.EnforcementFailed;
import casebook.cases.api.EnforcementOutcome;
import casebook.cases.api.EnforcementRetried;
import casebook.cases.api.EnforcementState;
import casebook.cases.api.OrderedAction;
import casebook.cases.api.PlannedAction;
import casebook.cases.api.ProposeDecision;
import casebook.cases.api.RecordEnforcementResult;
import casebook.cases.api.RetryEnforcement;
import casebook.cases.api.SendBackDecision;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.Verdict;
import casebook.cases.domain.ActionNotPermitted;
import casebook.cases.domain.CaseRuleBroken;
import casebook.cases.domain.SubjectKindPolicy;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import static casebook.cases.domain.Text.hasControlCharacters;
import static casebook.cases.domain.Text.blankToNull;
import static casebook.cases.domain.Text.isOneToken;
import static casebook.cases.domain.Text.requireOptionalText;
import static casebook.cases.domain.Text.requireText;

/**
 * A case's decision: the proposal waiting for a second person, the decision taken with its statement of reasons,
 * the enforcement of each action it ordered (attempts and results), and its appeal (once per decision) with the
 * reversal of every action the appeal overturned. A member of the case ({@code @AggregateMember}): it decides what a
 * command means for the decision and answers the events; the case checks who may act and in which state.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Decision {
    /** The parameter of an action that says for how many days it restricts (a suspension's, a hold's). */
    public static final String DAYS = "days";
    private DecisionProposed proposal;
    private CaseDecided decided;
    private Instant decidedAt;
    /** Until when the subject may appeal the decision, as its statement of reasons told them. */
    private Instant appealBy;
    private List<Enforcement> enforcement = new ArrayList<>();
    /** The appeal of each decision ever appealed (once per decision, invariant 6). */
    private Map<DecisionId, AppealId> appeals = new HashMap<>();
    private AppealFiled openAppeal;

    /**
     * One ordered action and where it stands: an action of the decision, or the reversal of one ({@code reverses});
     * {@code overturned} when an appeal overturned it.
     */
    record Enforcement(OrderedAction action, int attempt, EnforcementState state, ActionId reverses,
                       boolean overturned) {
        Enforcement with(int newAttempt, EnforcementState newState) {
            return new Enforcement(action, newAttempt, newState, reverses, overturned);
        }

        Enforcement overturn() {
            return new Enforcement(action, attempt, state, reverses, true);
        }
    }

    /** Whether a decision stands (since the case opened or was last reopened). */
    public boolean made() {
        return decided != null;
    }

    /** The proposal; what the verdict needs, and (invariant 5) actions that fit the subject's kind. */
    public DecisionProposed propose(CaseId caseId, ProposeDecision command, SubjectRef subject,
                                    boolean approvalRequired) {
        requireWellFormed(command, subject);
        return new DecisionProposed(caseId, command.decisionId(), command.verdict(), command.policyRefs(),
                command.rationale().strip(), command.actions(), command.label(), command.actor().userId(),
                approvalRequired, command.ground(), blankToNull(command.legalGround()));
    }

    /**
     * The decision taken on a proposal and, for a violation, its statement of reasons (DSA Art. 17) with the date
     * until which it can be appealed.
     */
    public static List<Object> decide(DecisionProposed proposal, SubjectRef subject, String approvedBy, Region region,
                                      Instant at, Period appealWindow) {
        CaseDecided decided = decided(proposal, subject, approvedBy);
        if (decided.verdict() != Verdict.VIOLATION) {
            return List.of(decided);
        }
        Instant appealBy = at.atZone(ZoneOffset.UTC).plus(appealWindow).toInstant();
        List<Restriction> restrictions = decided.actions().stream().map(a -> new Restriction(a.actionId(), a.action(),
                region.code(), endOf(a, at))).toList();
        StatementOfReasons statement = new StatementOfReasons(restrictions, proposal.ground(), proposal.legalGround(),
                proposal.policyRefs(), proposal.rationale(), StatementOfReasons.SOURCE_OWN_INITIATIVE, true,
                StatementOfReasons.NOT_AUTOMATED, at, appealBy, StatementOfReasons.REDRESS);
        return List.of(decided, new StatementOfReasonsIssued(decided.caseId(), decided.decisionId(), subject, statement));
    }

    /** A restriction with a whole number of {@code days} ends that many days after the decision; others do not end. */
    private static Instant endOf(OrderedAction action, Instant at) {
        String days = action.parameters().get(DAYS);
        return days != null && days.matches("[1-9][0-9]{0,4}") ? at.plus(Duration.ofDays(Long.parseLong(days))) : null;
    }

    private static CaseDecided decided(DecisionProposed proposal, SubjectRef subject, String approvedBy) {
        List<OrderedAction> ordered = new ArrayList<>();
        List<PlannedAction> planned = proposal.actions();
        for (int i = 0; i < planned.size(); i++) {
            ordered.add(new OrderedAction(ActionId.of(proposal.decisionId(), i), planned.get(i).action(),
                    planned.get(i).parameters()));
        }
        return new CaseDecided(proposal.caseId(), proposal.decisionId(), subject, proposal.verdict(),
                proposal.policyRefs(), proposal.rationale(), ordered, proposal.label(), proposal.proposedBy(),
                approvedBy);
    }

    /** Invariant 4: a second person approves the waiting proposal. */
    public List<Object> approve(Actor approver, SubjectRef subject, Region region, Instant at, Period appealWindow) {
        requireSecondPerson(approver);
        return decide(proposal, subject, approver.userId(), region, at, appealWindow);
    }

    public DecisionSentBack sendBack(CaseId caseId, SendBackDecision command) {
        requireSecondPerson(command.actor());
        requireText("comments-required", "comments", command.comments(), SendBackDecision.MAX_COMMENTS_LENGTH);
        return new DecisionSentBack(caseId, proposal.decisionId(), command.actor().userId(), command.comments().strip());
    }

    /** What a result means: applied or failed, or nothing when it repeats what the case knows. */
    public Optional<Object> result(CaseId caseId, RecordEnforcementResult command) {
        Enforcement ordered = enforcementOf(command.actionId());
        requireCurrentAttempt(ordered, command.attempt());
        boolean repeated = ordered.state() == EnforcementState.APPLIED
                || ordered.state() == EnforcementState.FAILED && command.outcome() == EnforcementOutcome.FAILED;
        if (repeated) {
            return Optional.empty();
        }
        if (command.reason() != null && command.reason().length() > RecordEnforcementResult.MAX_REASON_LENGTH) {
            throw new CaseRuleBroken("reason-too-long", "a failure reason has at most "
                    + RecordEnforcementResult.MAX_REASON_LENGTH + " characters");
        }
        return Optional.of(command.outcome() == EnforcementOutcome.APPLIED
                ? new EnforcementApplied(caseId, command.actionId(), ordered.attempt(), command.reportedBy())
                : new EnforcementFailed(caseId, command.actionId(), ordered.attempt(), command.reason(),
                command.reportedBy()));
    }

    /** A failed action ordered again, as a new attempt. */
    public EnforcementRetried retry(CaseId caseId, RetryEnforcement command, SubjectRef subject) {
        Enforcement failed = enforcementOf(command.actionId());
        if (failed.overturned()) {
            throw new CaseRuleBroken("action-overturned", "the action was overturned on appeal: it is not ordered again");
        }
        if (failed.state() != EnforcementState.FAILED) {
            throw new CaseRuleBroken("action-not-failed", "only a failed action can be retried; this one is "
                    + failed.state());
        }
        return new EnforcementRetried(caseId, decided.decisionId(), subject, failed.action(), decided.policyRefs(),
                decided.decidedBy(), decided.approvedBy(), failed.attempt() + 1, command.actor().userId(),
                failed.reverses());
    }

    /**
     * A case closes only once its enforcement is settled: every standing action applied, and every reversal of an
     * action overturned on appeal applied.
     */
    public void requireEnforcementSettled() {
        if (enforcement.stream().anyMatch(e -> !e.overturned() && e.state() != EnforcementState.APPLIED)) {
            throw new CaseRuleBroken("enforcement-outstanding",
                    "every action and reversal must be applied before the case closes; retry the failed ones");
        }
    }

    /** Whether an appeal overturned every action of the decision. */
    public boolean whollyOverturned() {
        return decided != null && enforcement.stream().filter(e -> e.reverses() == null)
                .allMatch(Enforcement::overturned);
    }

    // ---- appeals (DSA Art. 20, invariant 6)

    /** The appeal under review, if any. */
    public Optional<AppealFiled> openAppeal() {
        return Optional.ofNullable(openAppeal);
    }

    /**
     * An appeal against the current decision, a violation, within its window, once per decision; the same appeal
     * filed again is nothing new. {@code fallbackWindow} dates decisions taken before statements of reasons.
     */
    public Optional<AppealFiled> file(CaseId caseId, FileAppeal command, Instant now, Instant reviewDueAt,
                                      Period fallbackWindow) {
        requireWellFormed(command);
        AppealId earlier = appeals.get(command.decisionId());
        if (command.appealId().equals(earlier)) {
            return Optional.empty();
        }
        if (decided == null || !decided.decisionId().equals(command.decisionId())) {
            throw new CaseRuleBroken("unknown-decision", "the case's current decision is not " + command.decisionId());
        }
        if (decided.verdict() != Verdict.VIOLATION) {
            throw new CaseRuleBroken("decision-not-appealable", "only a decided violation can be appealed");
        }
        if (earlier != null) {
            throw new CaseRuleBroken("already-appealed", "decision " + command.decisionId() + " was appealed already"
                    + " (appeal " + earlier + "); a decision is appealed once");
        }
        Instant deadline = appealBy != null ? appealBy : decidedAt.atZone(ZoneOffset.UTC).plus(fallbackWindow).toInstant();
        if (now.isAfter(deadline)) {
            throw new CaseRuleBroken("appeal-window-closed", "the decision could be appealed until " + deadline);
        }
        return Optional.of(new AppealFiled(caseId, command.appealId(), command.decisionId(), command.statement().strip(),
                command.evidenceRefs(), command.channel(), command.actor().userId(), reviewDueAt));
    }

    private static void requireWellFormed(FileAppeal command) {
        if (command.appealId() == null || command.decisionId() == null || command.channel() == null) {
            throw new CaseRuleBroken("appeal-invalid", "an appeal needs its id, the decision it contests and its channel");
        }
        requireText("appeal-invalid", "statement", command.statement(), FileAppeal.MAX_STATEMENT_LENGTH);
        if (command.evidenceRefs().size() > FileAppeal.MAX_EVIDENCE_REFS || command.evidenceRefs().stream().anyMatch(
                ref -> ref == null || ref.length() > FileAppeal.MAX_EVIDENCE_REF_LENGTH || !isOneToken(ref))) {
            throw new CaseRuleBroken("appeal-invalid", "at most " + FileAppeal.MAX_EVIDENCE_REFS + " evidence references,"
                    + " each a URI or object key of at most " + FileAppeal.MAX_EVIDENCE_REF_LENGTH + " characters");
        }
    }

    /**
     * The review of the open appeal by a person who neither proposed nor approved the decision: a ruling for each of
     * its actions; every overturned action that may have taken effect (not failed) is reversed by an order of its own.
     */
    public List<Object> decideAppeal(CaseId caseId, DecideAppeal command, SubjectRef subject) {
        if (openAppeal == null || !openAppeal.appealId().equals(command.appealId())) {
            throw new CaseRuleBroken("unknown-appeal", "the case has no open appeal " + command.appealId());
        }
        requireImpartialReviewer(command.actor());
        requireText("appeal-rationale", "rationale", command.rationale(), DecideAppeal.MAX_RATIONALE_LENGTH);
        Map<ActionId, Ruling> rulings = requireRulingForEachAction(command.rulings());
        long overturned = rulings.values().stream().filter(r -> r == Ruling.OVERTURNED).count();
        AppealOutcome outcome = overturned == 0 ? AppealOutcome.UPHELD
                : overturned == rulings.size() ? AppealOutcome.OVERTURNED : AppealOutcome.PARTIALLY_OVERTURNED;
        String reviewer = command.actor().userId();
        List<Object> events = new ArrayList<>();
        events.add(new AppealDecided(caseId, command.appealId(), decided.decisionId(), outcome, command.rulings(),
                command.rationale().strip(), reviewer));
        for (Enforcement e : enforcement) {
            if (e.reverses() == null && rulings.get(e.action().actionId()) == Ruling.OVERTURNED
                    && e.state() != EnforcementState.FAILED) {
                OrderedAction reversal = new OrderedAction(ActionId.reversalOf(e.action().actionId()), e.action().action(),
                        e.action().parameters());
                events.add(new ReversalOrdered(caseId, decided.decisionId(), subject, reversal, e.action().actionId(),
                        command.appealId(), decided.policyRefs(), reviewer));
            }
        }
        return events;
    }

    /** Invariant 6: neither the person who decided nor the one who approved reviews the appeal. */
    private void requireImpartialReviewer(Actor reviewer) {
        if (reviewer.userId().equals(decided.decidedBy()) || reviewer.userId().equals(decided.approvedBy())) {
            throw new ActionNotPermitted("an appeal is reviewed by someone who neither proposed nor approved the"
                    + " decision");
        }
    }

    private Map<ActionId, Ruling> requireRulingForEachAction(List<ActionRuling> given) {
        Set<ActionId> actions = new HashSet<>(decided.actions().stream().map(OrderedAction::actionId).toList());
        Map<ActionId, Ruling> rulings = new HashMap<>();
        for (ActionRuling r : given) {
            if (r == null || r.actionId() == null || r.ruling() == null || !actions.contains(r.actionId())
                    || rulings.put(r.actionId(), r.ruling()) != null) {
                throw new CaseRuleBroken("appeal-rulings-invalid", "one ruling (UPHELD or OVERTURNED) for each action"
                        + " of the decision: " + actions);
            }
        }
        if (rulings.size() != actions.size()) {
            throw new CaseRuleBroken("appeal-rulings-invalid", "one ruling (UPHELD or OVERTURNED) for each action of"
                    + " the decision: " + actions);
        }
        return rulings;
    }

    private Enforcement enforcementOf(ActionId actionId) {
        return enforcement.stream().filter(e -> e.action().actionId().equals(actionId)).findFirst()
                .orElseThrow(() -> new CaseRuleBroken("unknown-action", "the case ordered no action " + actionId));
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

    /** Invariant 4: the approver is a different person from the proposer, even if the proposer is a lead. */
    private void requireSecondPerson(Actor actor) {
        if (actor.userId().equals(proposal.proposedBy())) {
            throw new ActionNotPermitted("four eyes: the proposer of a decision cannot approve or send back their own"
                    + " proposal");
        }
    }

    /** What each verdict needs; invariant 5: the actions fit the subject kind. */
    private static void requireWellFormed(ProposeDecision command, SubjectRef subject) {
        requireText("decision-invalid", "rationale", command.rationale(), ProposeDecision.MAX_RATIONALE_LENGTH);
        if (command.decisionId() == null || command.verdict() == null) {
            throw new CaseRuleBroken("decision-invalid", "a decision needs an id and a verdict");
        }
        if (command.policyRefs().size() > ProposeDecision.MAX_POLICY_REFS || command.policyRefs().stream().anyMatch(
                ref -> ref == null || ref.isBlank() || ref.length() > ProposeDecision.MAX_POLICY_REF_LENGTH
                        || hasControlCharacters(ref))) {
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
        if (command.ground() == DecisionGround.ILLEGAL_CONTENT) {
            requireText("legal-ground-required", "legal ground", command.legalGround(),
                    ProposeDecision.MAX_LEGAL_GROUND_LENGTH);
        }
        requireOptionalText("decision-invalid", "legal ground", command.legalGround(),
                ProposeDecision.MAX_LEGAL_GROUND_LENGTH);
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
                    || hasControlCharacters(name) || value == null
                    || value.length() > PlannedAction.MAX_PARAMETER_VALUE_LENGTH || hasControlCharacters(value)) {
                throw new CaseRuleBroken("action-parameter-invalid", "a parameter of " + planned.action() + " has a"
                        + " name of 1-" + PlannedAction.MAX_PARAMETER_NAME_LENGTH + " characters and a value of at most "
                        + PlannedAction.MAX_PARAMETER_VALUE_LENGTH + ", without control characters");
            }
        });
    }

    @EventSourcingHandler
    void on(DecisionProposed event) {
        proposal = event;
    }

    @EventSourcingHandler
    void on(DecisionSentBack event) {
        proposal = null;
    }

    @EventSourcingHandler
    void on(CaseDecided event, @Timestamp Instant at) {
        proposal = null;
        decided = event;
        decidedAt = at;
        appealBy = null;
        enforcement = new ArrayList<>(event.actions().stream()
                .map(a -> new Enforcement(a, 1, EnforcementState.ORDERED, null, false)).toList());
    }

    @EventSourcingHandler
    void on(StatementOfReasonsIssued event) {
        appealBy = event.statement().appealBy();
    }

    @EventSourcingHandler
    void on(AppealFiled event) {
        appeals.put(event.decisionId(), event.appealId());
        openAppeal = event;
    }

    @EventSourcingHandler
    void on(AppealDecided event) {
        openAppeal = null;
        Set<ActionId> overturned = new HashSet<>(event.rulings().stream().filter(r -> r.ruling() == Ruling.OVERTURNED)
                .map(ActionRuling::actionId).toList());
        enforcement.replaceAll(e -> e.reverses() == null && overturned.contains(e.action().actionId()) ? e.overturn() : e);
    }

    @EventSourcingHandler
    void on(ReversalOrdered event) {
        enforcement.add(new Enforcement(event.reversal(), 1, EnforcementState.ORDERED, event.reverses(), false));
    }

    @EventSourcingHandler
    void on(CaseMerged event) {
        proposal = null;
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        proposal = null;
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        decided = null;
        openAppeal = null;
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

    private void replace(ActionId actionId, UnaryOperator<Enforcement> change) {
        enforcement.replaceAll(e -> e.action().actionId().equals(actionId) ? change.apply(e) : e);
    }
}
