package casebook.cases.decision;

import casebook.cases.api.ActionId;
import casebook.cases.api.ApproveDecision;
import casebook.cases.api.CaseId;
import casebook.cases.api.DecisionGround;
import casebook.cases.api.DecisionId;
import casebook.cases.api.DismissalLabel;
import casebook.cases.api.EnforcementAction;
import casebook.cases.api.PlannedAction;
import casebook.cases.api.ProposeDecision;
import casebook.cases.api.CloseCase;
import casebook.cases.api.ReopenCase;
import casebook.cases.api.ResolutionCode;
import casebook.cases.api.RetryEnforcement;
import casebook.cases.api.SendBackDecision;
import casebook.cases.api.Verdict;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.infrastructure.web.CaseCommands;
import casebook.cases.infrastructure.web.Versions;
import casebook.cases.web.api.DecisionsApi;
import casebook.cases.web.model.CaseChange;
import casebook.cases.web.model.Closure;
import casebook.cases.web.model.DecisionProposal;
import casebook.cases.web.model.DecisionSendBack;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Decisions: the assignee proposes, a second person with the lead role approves or sends back (four eyes); a lead
 * orders a failed enforcement action again; a case closes with a resolution code and reopens on new evidence.
 */
@RestController
class DecisionController implements DecisionsApi {
    private final CaseCommands commands;

    DecisionController(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public ResponseEntity<CaseChange> proposeDecision(UUID caseId, DecisionProposal body, String ifMatch,
                                                      String correlationId) {
        List<PlannedAction> actions = body.getActions() == null ? List.of() : body.getActions().stream()
                .map(a -> new PlannedAction(EnforcementAction.valueOf(a.getAction().getValue()), a.getParameters()))
                .toList();
        long version = commands.send(new ProposeDecision(new CaseId(caseId), DecisionId.random(),
                Verdict.valueOf(body.getVerdict().getValue()), body.getPolicyRefs(), body.getRationale(), actions,
                body.getLabel() == null ? null : DismissalLabel.valueOf(body.getLabel().getValue()),
                body.getGround() == null ? null : DecisionGround.valueOf(body.getGround().getValue()),
                body.getLegalGround(), Callers.current(), Versions.fromIfMatch(ifMatch)), null);
        return CaseCommands.changed(caseId, version);
    }

    @Override
    public ResponseEntity<CaseChange> approveDecision(UUID caseId, String ifMatch, String correlationId) {
        long version = commands.send(new ApproveDecision(new CaseId(caseId), Callers.current(),
                Versions.fromIfMatch(ifMatch)), null);
        return CaseCommands.changed(caseId, version);
    }

    @Override
    public ResponseEntity<CaseChange> sendBackDecision(UUID caseId, DecisionSendBack body, String ifMatch,
                                                       String correlationId) {
        long version = commands.send(new SendBackDecision(new CaseId(caseId), body.getComments(), Callers.current(),
                Versions.fromIfMatch(ifMatch)), null);
        return CaseCommands.changed(caseId, version);
    }

    @Override
    public ResponseEntity<CaseChange> retryEnforcement(UUID caseId, UUID actionId, String ifMatch,
                                                       String correlationId) {
        long version = commands.send(new RetryEnforcement(new CaseId(caseId), new ActionId(actionId),
                Callers.current(), Versions.fromIfMatch(ifMatch)), null);
        return CaseCommands.changed(caseId, version);
    }

    @Override
    public ResponseEntity<CaseChange> closeCase(UUID caseId, Closure body, String ifMatch, String correlationId) {
        long version = commands.send(new CloseCase(new CaseId(caseId),
                ResolutionCode.valueOf(body.getResolution().getValue()), body.getNote(), Callers.current(),
                Versions.fromIfMatch(ifMatch)), null);
        return CaseCommands.changed(caseId, version);
    }

    @Override
    public ResponseEntity<CaseChange> reopenCase(UUID caseId, String reason, String ifMatch, String correlationId) {
        long version = commands.send(new ReopenCase(new CaseId(caseId), reason, Callers.current(),
                Versions.fromIfMatch(ifMatch)), reason);
        return CaseCommands.changed(caseId, version);
    }
}
