package casebook.cases.appeal;

import casebook.cases.api.ActionId;
import casebook.cases.api.ActionRuling;
import casebook.cases.api.AppealChannel;
import casebook.cases.api.AppealId;
import casebook.cases.api.CaseId;
import casebook.cases.api.DecideAppeal;
import casebook.cases.api.DecisionId;
import casebook.cases.api.FileAppeal;
import casebook.cases.api.Ruling;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.infrastructure.web.CaseCommands;
import casebook.cases.infrastructure.web.Versions;
import casebook.cases.web.api.AppealsApi;
import casebook.cases.web.model.AppealReview;
import casebook.cases.web.model.CaseChange;
import casebook.cases.web.model.NewAppeal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Appeals over REST (DSA Art. 20): support staff or the seller/creator centre's service account file an appeal against
 * a case's decided violation; a reviewer who took no part in the decision rules on it. The same appeal id again
 * answers the case's version and changes nothing; the Kafka intake ({@link AppealListener}) sends the same command.
 */
@RestController
class AppealController implements AppealsApi {
    private final CaseCommands commands;

    AppealController(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public ResponseEntity<CaseChange> fileAppeal(UUID caseId, NewAppeal body, String ifMatch, String correlationId) {
        long version = commands.send(new FileAppeal(new CaseId(caseId), new AppealId(body.getAppealId()),
                new DecisionId(body.getDecisionId()), body.getStatement(), body.getEvidenceRefs(),
                AppealChannel.valueOf(body.getChannel().getValue()), Callers.current(), Versions.fromIfMatch(ifMatch)),
                null);
        return CaseCommands.changed(caseId, version);
    }

    @Override
    public ResponseEntity<CaseChange> decideAppeal(UUID caseId, String appealId, AppealReview body, String ifMatch,
                                                   String correlationId) {
        long version = commands.send(new DecideAppeal(new CaseId(caseId), new AppealId(appealId),
                body.getRulings().stream().map(r -> new ActionRuling(new ActionId(r.getActionId()),
                        Ruling.valueOf(r.getRuling().getValue()))).toList(),
                body.getRationale(), Callers.current(), Versions.fromIfMatch(ifMatch)), null);
        return CaseCommands.changed(caseId, version);
    }
}
