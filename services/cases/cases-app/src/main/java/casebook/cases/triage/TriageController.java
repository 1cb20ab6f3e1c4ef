package casebook.cases.triage;

import casebook.cases.api.AddNote;
import casebook.cases.api.AssignCase;
import casebook.cases.api.CaseId;
import casebook.cases.api.DeescalateCase;
import casebook.cases.api.EscalateCase;
import casebook.cases.api.NoteId;
import casebook.cases.api.UnassignCase;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.infrastructure.web.CaseCommands;
import casebook.cases.infrastructure.web.Versions;
import casebook.cases.web.api.TriageApi;
import casebook.cases.web.model.Assignment;
import casebook.cases.web.model.CaseChange;
import casebook.cases.web.model.Escalation;
import casebook.cases.web.model.NewNote;
import casebook.cases.web.model.NoteAdded;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Triage: take, hand over and release cases, escalate them, write notes. Map, send, answer the new version as ETag. */
@RestController
class TriageController implements TriageApi {
    private final CaseCommands commands;

    TriageController(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public ResponseEntity<CaseChange> assignCase(UUID caseId, Assignment body, String ifMatch, String correlationId) {
        long version = commands.send(new AssignCase(new CaseId(caseId), body.getAssignee(), Callers.current(),
                Versions.fromIfMatch(ifMatch)), body.getReason());
        return CaseCommands.changed(caseId, version);
    }

    @Override
    public ResponseEntity<CaseChange> unassignCase(UUID caseId, String ifMatch, String correlationId, String reason) {
        long version = commands.send(new UnassignCase(new CaseId(caseId), Callers.current(), Versions.fromIfMatch(ifMatch)), reason);
        return CaseCommands.changed(caseId, version);
    }

    @Override
    public ResponseEntity<NoteAdded> addNote(UUID caseId, NewNote body, String ifMatch, String correlationId) {
        NoteId noteId = NoteId.random();
        long version = commands.send(new AddNote(new CaseId(caseId), noteId, body.getText(), Callers.current(),
                Versions.fromIfMatch(ifMatch)), null);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.eTag(version))
                .body(new NoteAdded().caseId(caseId).noteId(noteId.value()).version(version));
    }

    @Override
    public ResponseEntity<CaseChange> escalateCase(UUID caseId, Escalation body, String ifMatch, String correlationId) {
        long version = commands.send(new EscalateCase(new CaseId(caseId), body.getReason(), Callers.current(),
                Versions.fromIfMatch(ifMatch)), null);
        return CaseCommands.changed(caseId, version);
    }

    @Override
    public ResponseEntity<CaseChange> deescalateCase(UUID caseId, String reason, String ifMatch, String correlationId) {
        long version = commands.send(new DeescalateCase(new CaseId(caseId), reason, Callers.current(),
                Versions.fromIfMatch(ifMatch)), null);
        return CaseCommands.changed(caseId, version);
    }
}
