package casebook.cases.regulatory;

import casebook.cases.api.Actor;
import casebook.cases.api.CaseId;
import casebook.cases.api.RecordDisclosure;
import casebook.cases.api.RegionScope;
import casebook.cases.api.Role;
import casebook.cases.api.regulatory.DisclosureApproved;
import casebook.cases.domain.RiskCase;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Records an approved disclosure package on every case it touched (docs/adr/0020): for each case of a
 * {@link DisclosureApproved}, a {@link RecordDisclosure} acting for the approver (legal, who sees every region).
 * A streaming processor of its own over the event store, from its beginning, so an approval is recorded even if the
 * instance stops right after it; a failure is retried (nothing is skipped), and the case records each disclosure once,
 * so a replay or a retry after some cases were recorded changes nothing more.
 */
@Component
@ProcessingGroup(DisclosureRecording.PROCESSING_GROUP)
class DisclosureRecording {
    static final String PROCESSING_GROUP = "disclosure-recording";
    private static final Logger log = LoggerFactory.getLogger(DisclosureRecording.class);

    private final CommandGateway commands;

    DisclosureRecording(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(DisclosureApproved event, EventMessage<?> message, @Timestamp Instant approvedAt) {
        Actor approver = new Actor(event.approvedBy(), Set.of(Role.LEGAL), RegionScope.ALL);
        for (CaseId caseId : event.caseIds()) {
            RecordDisclosure record = new RecordDisclosure(caseId, event.requestId(), event.disclosureId(),
                    event.fields(), event.redacted(), event.recipient(), event.legalBasis(), event.preparedBy(),
                    event.approvedBy(), approvedAt, approver);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(record).andMetaData(audit(event, message)));
        }
        log.info("disclosure {} of request {} recorded on {} case(s)", event.disclosureId().value(),
                event.requestId().value(), event.caseIds().size());
    }

    /** Invariant 9: the approver acts, the approval's correlation id carries on, the approval is the cause. */
    private static MetaData audit(DisclosureApproved event, EventMessage<?> message) {
        Map<String, Object> audit = new HashMap<>();
        audit.put(RiskCase.ACTOR, event.approvedBy());
        audit.put(RiskCase.REASON, "disclosure " + event.disclosureId().value() + " of regulatory request "
                + event.requestId().value() + " approved");
        Object traceId = message.getMetaData().get("traceId");
        audit.put("traceId", traceId == null ? message.getIdentifier() : traceId);
        audit.put("correlationId", message.getIdentifier());
        return MetaData.from(audit);
    }
}
