package casebook.cases.erasure.requests;

import casebook.cases.api.CaseId;
import casebook.cases.api.EraseSubject;
import casebook.cases.api.SubjectKind;
import casebook.cases.api.SubjectRef;
import casebook.cases.domain.RiskCase;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.web.api.ErasureApi;
import casebook.cases.web.model.ErasureOutcome;
import casebook.cases.web.model.ErasureRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Privacy or legal erases a subject's personal data (GDPR Art. 17), unless a legal hold keeps it (docs/adr/0019). */
@RestController
class ErasureController implements ErasureApi {
    private final CommandGateway commands;

    ErasureController(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public ResponseEntity<ErasureOutcome> requestErasure(ErasureRequest body, String correlationId) {
        String erasureId = "erasure-" + UUID.randomUUID();
        EraseSubject command = new EraseSubject(new SubjectRef(SubjectKind.valueOf(body.getSubject().getKind().name()),
                body.getSubject().getId()), body.getReason(), erasureId, Callers.current());
        List<CaseId> erased = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(RiskCase.REASON, body.getReason())));
        return ResponseEntity.ok(new ErasureOutcome().erasureId(erasureId)
                .erasedCaseIds(erased.stream().map(CaseId::value).toList()));
    }
}
