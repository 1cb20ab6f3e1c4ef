package casebook.cases.domain.decision;

import casebook.cases.api.ActionId;
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
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import static casebook.cases.domain.Text.hasControlCharacters;
import static casebook.cases.domain.Text.requireText;

/**
 * A case's decision: the proposal waiting for a second person, the decision taken, and the enforcement of each
 * action it ordered (attempts and results). A member of the case ({@code @AggregateMember}): it decides what a
 * command means for the decision and answers the events; the case checks who may act and in which state.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Decision {
    private DecisionProposed proposal;
    private CaseDecided decided;
    private List<Enforcement> enforcement = new ArrayList<>();

    /** One ordered action of the decision and where it stands. */
    record Enforcement(OrderedAction action, int attempt, EnforcementState state) {
        Enforcement with(int newAttempt, EnforcementState newState) {
            return new Enforcement(action, newAttempt, newState);
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
                approvalRequired);
    }

    /** The decision taken on a proposal, each planned action ordered under its own id. */
    public static CaseDecided decide(DecisionProposed proposal, SubjectRef subject, String approvedBy) {
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
    public CaseDecided approve(Actor approver, SubjectRef subject) {
        requireSecondPerson(approver);
        return decide(proposal, subject, approver.userId());
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
        if (failed.state() != EnforcementState.FAILED) {
            throw new CaseRuleBroken("action-not-failed", "only a failed action can be retried; this one is "
                    + failed.state());
        }
        return new EnforcementRetried(caseId, decided.decisionId(), subject, failed.action(), decided.policyRefs(),
                decided.decidedBy(), decided.approvedBy(), failed.attempt() + 1, command.actor().userId());
    }

    /** A case closes as ENFORCED only once every ordered action is applied. */
    public void requireEveryActionApplied() {
        if (enforcement.stream().anyMatch(e -> e.state() != EnforcementState.APPLIED)) {
            throw new CaseRuleBroken("enforcement-outstanding",
                    "every action must be applied before the case closes as ENFORCED; retry the failed ones");
        }
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
    void on(CaseDecided event) {
        proposal = null;
        decided = event;
        enforcement = new ArrayList<>(event.actions().stream()
                .map(a -> new Enforcement(a, 1, EnforcementState.ORDERED)).toList());
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
