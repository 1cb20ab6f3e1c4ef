package casebook.cases.retention;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.Histories;
import casebook.cases.api.Actor;
import casebook.cases.api.CaseId;
import casebook.cases.api.CloseCase;
import casebook.cases.api.Flag;
import casebook.cases.api.PersonalData;
import casebook.cases.api.PersonalDataErased;
import casebook.cases.api.PlaceLegalHold;
import casebook.cases.api.RegionScope;
import casebook.cases.api.ReleaseLegalHold;
import casebook.cases.api.ReopenCase;
import casebook.cases.api.ResolutionCode;
import casebook.cases.api.Role;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.api.regulatory.RegulatoryRequestStatus;
import casebook.cases.erasure.PersonalDataKeys;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention against PostgreSQL (docs/adr/0019): a case closed before the cutoff is erased like an erasure request
 * erases it, a held one is kept until its hold is released, a reopened one is no longer closed; each case once.
 */
@CasesAppTest
class RetentionIT {
    static final Actor LEX = new Actor("lex", Set.of(Role.LEGAL), RegionScope.ALL);

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Retention retention;
    @Autowired
    PersonalDataKeys keys;

    @Test
    void closedCasesPastTheCutoffAreErasedUnlessHeld() {
        Flag expiredFlag = Actors.newSellerFlag("0.5");
        Flag heldFlag = Actors.newSellerFlag("0.5");
        Flag reopenedFlag = Actors.newSellerFlag("0.5");
        Flag openFlag = Actors.newSellerFlag("0.5");
        CaseId expired = close(Actors.raise(commands, expiredFlag).caseId());
        CaseId held = close(Actors.raise(commands, heldFlag).caseId());
        CaseId reopened = close(Actors.raise(commands, reopenedFlag).caseId());
        CaseId open = Actors.raise(commands, openFlag).caseId();
        RegulatoryRequestId request = RegulatoryRequestId.of("it-retention-" + UUID.randomUUID());
        commands.sendAndWait(new PlaceLegalHold(held, request, RegulatoryRequestStatus.ACCEPTED, LEX));
        commands.sendAndWait(new ReopenCase(reopened, "new evidence", Actors.LEAD_SEA, null));
        assertThat(closings(expired)).isOne();
        assertThat(closings(reopened)).isZero();

        retention.eraseClosedBefore(Actors.SEA, Instant.now().plusSeconds(1));

        assertThat(keys.casesOf(expiredFlag.subject())).isEmpty();
        List<DomainEventMessage<?>> history = Histories.of(events, expired);
        assertThat(history.get(history.size() - 1).getPayload()).isInstanceOfSatisfying(PersonalDataErased.class,
                erased -> {
                    assertThat(erased.erasedBy()).isEqualTo("casebook-retention");
                    assertThat(erased.erasureId()).startsWith("retention-");
                });
        assertThat(history.get(history.size() - 1).getMetaData()).containsEntry("actor", "casebook-retention");
        assertThat(Histories.of(events, expired).get(0).getPayload().toString()).contains(PersonalData.ERASED);
        assertThat(keys.casesOf(heldFlag.subject())).containsExactly(held);
        assertThat(keys.casesOf(reopenedFlag.subject())).containsExactly(reopened);
        assertThat(keys.casesOf(openFlag.subject())).containsExactly(open);
        int expiredEvents = Histories.of(events, expired).size();

        commands.sendAndWait(new ReleaseLegalHold(held, request, LEX));
        retention.eraseClosedBefore(Actors.SEA, Instant.now().plusSeconds(1));

        assertThat(keys.casesOf(heldFlag.subject())).isEmpty();
        assertThat(Histories.of(events, expired)).hasSize(expiredEvents);
        assertThat(keys.casesOf(reopenedFlag.subject())).containsExactly(reopened);
    }

    private CaseId close(CaseId caseId) {
        commands.sendAndWait(new CloseCase(caseId, ResolutionCode.SUBJECT_GONE, null, Actors.LEAD_SEA, null));
        return caseId;
    }

    private long closings(CaseId caseId) {
        return jdbc.sql("SELECT count(*) FROM case_closings WHERE case_id = ?").param(caseId.value())
                .query(Long.class).single();
    }
}
