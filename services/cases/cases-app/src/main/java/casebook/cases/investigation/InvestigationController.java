package casebook.cases.investigation;

import casebook.cases.api.AddEvidence;
import casebook.cases.api.CaseId;
import casebook.cases.api.EntityKind;
import casebook.cases.api.EvidenceId;
import casebook.cases.api.EvidenceKind;
import casebook.cases.api.LinkEntity;
import casebook.cases.api.MergeCases;
import casebook.cases.api.UnlinkEntity;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.infrastructure.web.CaseCommands;
import casebook.cases.infrastructure.web.Versions;
import casebook.cases.web.api.InvestigationApi;
import casebook.cases.web.model.CaseChange;
import casebook.cases.web.model.Merge;
import casebook.cases.web.model.NewEvidence;
import casebook.cases.web.model.NewLinkedEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Investigation: evidence by reference, linked entities, merging a duplicate case into this one. */
@RestController
class InvestigationController implements InvestigationApi {
    private final CaseCommands commands;

    InvestigationController(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public ResponseEntity<CaseChange> addEvidence(UUID caseId, NewEvidence body, String ifMatch, String correlationId) {
        long version = commands.send(new AddEvidence(new CaseId(caseId), EvidenceId.random(),
                EvidenceKind.valueOf(body.getKind().getValue()), body.getReference(), body.getSha256(), body.getNote(),
                Callers.current(), Versions.fromIfMatch(ifMatch)), null);
        return CaseCommands.changed(caseId, version);
    }

    @Override
    public ResponseEntity<CaseChange> linkEntity(UUID caseId, NewLinkedEntity body, String ifMatch,
                                                 String correlationId) {
        long version = commands.send(new LinkEntity(new CaseId(caseId), EntityKind.valueOf(body.getKind().getValue()),
                body.getValue(), body.getNote(), Callers.current(), Versions.fromIfMatch(ifMatch)), null);
        return CaseCommands.changed(caseId, version);
    }

    @Override
    public ResponseEntity<CaseChange> unlinkEntity(UUID caseId, casebook.cases.web.model.EntityKind kind, String value,
                                                   String reason, String ifMatch, String correlationId) {
        long version = commands.send(new UnlinkEntity(new CaseId(caseId), EntityKind.valueOf(kind.getValue()), value,
                reason, Callers.current(), Versions.fromIfMatch(ifMatch)), reason);
        return CaseCommands.changed(caseId, version);
    }

    @Override
    public ResponseEntity<CaseChange> mergeCase(UUID caseId, Merge body, String ifMatch, String correlationId) {
        long version = commands.send(new MergeCases(new CaseId(caseId), new CaseId(body.getDuplicateCaseId()),
                body.getReason(), Callers.current(), Versions.fromIfMatch(ifMatch), body.getDuplicateVersion()),
                body.getReason());
        return CaseCommands.changed(caseId, version);
    }
}
