package casebook.cases.infrastructure.web;

import casebook.cases.web.model.CaseChange;
import casebook.cases.domain.RiskCase;
import org.axonframework.commandhandling.GenericCommandMessage;
import casebook.cases.domain.RiskCase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import casebook.cases.domain.RiskCase;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * How a REST operation changes a case: send the command (with the caller's reason, if any, as audit metadata) and
 * answer the case's new version, also as {@code ETag}. Refusals become problem details in {@link ProblemAdvice}.
 */
@Component
public class CaseCommands {
    private final CommandGateway commands;

    CaseCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends a command whose handler answers the case's version after the change. */
    public long send(Object command, String reason) {
        MetaData metaData = reason == null || reason.isBlank() ? MetaData.emptyInstance() : MetaData.with(RiskCase.REASON, reason);
        Long version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        return version;
    }

    public static ResponseEntity<CaseChange> changed(UUID caseId, long version) {
        return ResponseEntity.ok().eTag(Versions.eTag(version)).body(new CaseChange().caseId(caseId).version(version));
    }
}
