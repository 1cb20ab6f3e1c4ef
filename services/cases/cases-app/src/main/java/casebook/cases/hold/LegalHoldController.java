package casebook.cases.hold;

import casebook.cases.api.CaseId;
import casebook.cases.api.PlaceLegalHold;
import casebook.cases.api.ReleaseLegalHold;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.infrastructure.web.CaseCommands;
import casebook.cases.regulatory.RegulatoryRequests;
import casebook.cases.web.api.LegalHoldsApi;
import casebook.cases.web.model.CaseChange;
import casebook.cases.web.model.LegalHoldPlacement;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Legal places and releases holds on cases by hand (invariant 8). The request's standing is read from the
 * regulatory-request table (written with the request's events) and handed to the case, which decides.
 */
@RestController
class LegalHoldController implements LegalHoldsApi {
    private final CaseCommands commands;
    private final RegulatoryRequests requests;

    LegalHoldController(CaseCommands commands, RegulatoryRequests requests) {
        this.commands = commands;
        this.requests = requests;
    }

    @Override
    public ResponseEntity<CaseChange> placeLegalHold(UUID caseId, LegalHoldPlacement body, String correlationId) {
        RegulatoryRequestId requestId = RegulatoryRequestId.of(body.getRequestId());
        long version = commands.send(new PlaceLegalHold(new CaseId(caseId), requestId,
                requests.statusOf(requestId).orElse(null), Callers.current()), null);
        return CaseCommands.changed(caseId, version);
    }

    @Override
    public ResponseEntity<CaseChange> releaseLegalHold(UUID caseId, String requestId, String correlationId) {
        long version = commands.send(new ReleaseLegalHold(new CaseId(caseId), RegulatoryRequestId.of(requestId),
                Callers.current()), null);
        return CaseCommands.changed(caseId, version);
    }
}
