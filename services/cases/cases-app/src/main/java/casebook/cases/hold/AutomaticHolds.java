package casebook.cases.hold;

import casebook.cases.api.Actor;
import casebook.cases.api.CaseId;
import casebook.cases.api.CaseOpened;
import casebook.cases.api.PersonalData;
import casebook.cases.api.PlaceLegalHold;
import casebook.cases.api.RegionScope;
import casebook.cases.api.ReleaseLegalHold;
import casebook.cases.api.Role;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.regulatory.RegulatoryRequestAccepted;
import casebook.cases.api.regulatory.RegulatoryRequestClosed;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.api.regulatory.RegulatoryRequestStatus;
import casebook.cases.domain.CaseNotFound;
import casebook.cases.domain.CaseRuleBroken;
import casebook.cases.domain.RiskCase;
import casebook.cases.erasure.PersonalDataKeys;
import casebook.cases.regulatory.RegulatoryRequests;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A regulatory request's acceptance places a legal hold on every case in its scope: the cases it names, every case of
 * each subject it names, and every case opened later for such a subject while the request is open; its closing
 * releases all of its holds (issue 12, invariant 8, docs/adr/0019). Runs in a streaming processor of its own over the
 * event store (one segment, so request and case events come in the order they were stored): its token advances only
 * after the holds are written, so an acceptance acknowledged to legal is never left without its holds, and a crash
 * only repeats work that is idempotent (the same request's hold twice is one hold; releasing walks the holds there
 * are). The subjects of open requests are kept in {@code legal_hold_scopes} (V8) for the cases opened later.
 */
@Component
@ProcessingGroup(AutomaticHolds.PROCESSING_GROUP)
class AutomaticHolds {
    static final String PROCESSING_GROUP = "legal-holds";
    /** Who places and releases the holds that follow from a request's acceptance and closing. */
    static final Actor SYSTEM = new Actor("casebook-legal-holds", Set.of(Role.LEGAL), RegionScope.ALL);
    private static final Logger log = LoggerFactory.getLogger(AutomaticHolds.class);

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final PersonalDataKeys keys;
    private final LegalHoldTable holds;
    private final RegulatoryRequests requests;

    AutomaticHolds(JdbcClient jdbc, CommandGateway commands, PersonalDataKeys keys, LegalHoldTable holds,
                   RegulatoryRequests requests) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.keys = keys;
        this.holds = holds;
        this.requests = requests;
    }

    @EventHandler
    void on(RegulatoryRequestAccepted event) {
        RegulatoryRequestStatus now = requests.statusOf(event.requestId()).orElse(null);
        if (now != RegulatoryRequestStatus.ACCEPTED) {
            return; // closed since (a replay, or a late run): its holds would be released at once
        }
        for (SubjectRef subject : event.scope().subjects()) {
            jdbc.sql("INSERT INTO legal_hold_scopes (subject_kind, subject_id, request_id) VALUES (?, ?, ?) "
                            + "ON CONFLICT DO NOTHING")
                    .params(subject.kind().name(), subject.id(), event.requestId().value()).update();
        }
        Set<CaseId> cases = new LinkedHashSet<>(event.scope().caseIds());
        event.scope().subjects().forEach(subject -> cases.addAll(keys.casesOf(subject)));
        cases.forEach(caseId -> place(caseId, event.requestId(), now));
    }

    /** A case opened for a subject in the scope of open requests: held for each of them. */
    @EventHandler
    void on(CaseOpened event) {
        SubjectRef subject = event.subject();
        if (PersonalData.ERASED.equals(subject.id())) {
            return; // replayed after its subject's erasure: nothing left to preserve, and no subject to match
        }
        List<RegulatoryRequestId> scoping = jdbc.sql("SELECT request_id FROM legal_hold_scopes "
                        + "WHERE subject_kind = ? AND subject_id = ? ORDER BY request_id")
                .params(subject.kind().name(), subject.id())
                .query((rs, i) -> RegulatoryRequestId.of(rs.getString(1))).list();
        for (RegulatoryRequestId requestId : scoping) {
            requests.statusOf(requestId).ifPresent(status -> {
                if (status == RegulatoryRequestStatus.ACCEPTED) place(event.caseId(), requestId, status);
            });
        }
    }

    @EventHandler
    void on(RegulatoryRequestClosed event) {
        jdbc.sql("DELETE FROM legal_hold_scopes WHERE request_id = ?").param(event.requestId().value()).update();
        for (CaseId caseId : new ArrayList<>(holds.casesHeldFor(event.requestId()))) {
            send(new ReleaseLegalHold(caseId, event.requestId(), SYSTEM), caseId);
        }
    }

    private void place(CaseId caseId, RegulatoryRequestId requestId, RegulatoryRequestStatus status) {
        send(new PlaceLegalHold(caseId, requestId, status, SYSTEM), caseId);
    }

    /**
     * Sends the command as {@link #SYSTEM}. A case the scope names that does not exist, or a rule the case refuses by
     * (a hold released meanwhile), is logged and skipped: nothing else can come of retrying it. Anything else (the
     * database unreachable) fails the event, and the processor tries it again.
     */
    private void send(Object command, CaseId caseId) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(MetaData.with(RiskCase.ACTOR, SYSTEM.userId())));
        } catch (AggregateNotFoundException | CaseNotFound unknown) {
            log.info("legal hold: no case {} to {}", caseId, command.getClass().getSimpleName());
        } catch (CaseRuleBroken refused) {
            log.info("legal hold: case {} refused {}: {}", caseId, command.getClass().getSimpleName(), refused.code());
        }
    }
}
