package casebook.cases.closing;

import casebook.cases.Actors;
import casebook.cases.Histories;
import casebook.cases.CasesAppTest;
import casebook.cases.api.*;
import casebook.cases.domain.CaseRuleBroken;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Closing, and what a later flag does with a closed case: reopen it within the window, else open a new one. */
@CasesAppTest
class CaseClosingIT {
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFlagWithinTheWindowReopensTheClosedCase() {
        Flag first = Actors.newSellerFlag("0.6");
        CaseId caseId = closedAsNoViolation(first);

        FlagReceipt again = raise(Actors.nextFlagOn(first, first.category()));

        assertThat(again.caseId()).isEqualTo(caseId);
        assertThat(types(caseId)).endsWith("CaseClosed", "CaseReopened", "FlagAttached");
    }

    @Test
    void aFlagAfterTheWindowOpensANewCaseAndTheOldOneCannotReopen() {
        Flag first = Actors.newSellerFlag("0.6");
        CaseId old = closedAsNoViolation(first);
        jdbc.sql("UPDATE case_slots SET closed_at = now() - interval '31 days' WHERE case_id = ?")
                .param(old.value()).update();

        FlagReceipt later = raise(Actors.nextFlagOn(first, first.category()));

        assertThat(later.caseId()).isNotEqualTo(old);
        assertThat(types(later.caseId())).containsExactly("CaseOpened", "FlagAttached");
        assertThat(types(old)).last().isEqualTo("CaseClosed");
        // the slot names the newer case: the reopening is refused in its own transaction and nothing is stored
        assertThatThrownBy(() -> commands.sendAndWait(new ReopenCase(old, "chargebacks", Actors.ANALYST_SEA, null)))
                .isInstanceOfSatisfying(CaseRuleBroken.class, e -> assertThat(e.code()).isEqualTo("newer-case-open"));
        assertThat(types(old)).last().isEqualTo("CaseClosed");
        assertThat(jdbc.sql("SELECT case_id FROM case_slots WHERE case_id IN (?, ?)").params(old.value(),
                later.caseId().value()).query(java.util.UUID.class).list()).containsExactly(later.caseId().value());
    }

    @Test
    void aPersonReopensAClosedCaseWhileItHoldsItsSlot() {
        CaseId caseId = closedAsNoViolation(Actors.newSellerFlag("0.6"));

        commands.sendAndWait(new ReopenCase(caseId, "12 chargebacks since", Actors.ANALYST_SEA, null));

        assertThat(types(caseId)).endsWith("CaseClosed", "CaseReopened");
        assertThat(jdbc.sql("SELECT closed_at IS NULL FROM case_slots WHERE case_id = ?").param(caseId.value())
                .query(Boolean.class).single()).isTrue();
    }

    private CaseId closedAsNoViolation(Flag flag) {
        CaseId caseId = raise(flag).caseId();
        commands.sendAndWait(new AssignCase(caseId, "ana.sea", Actors.ANALYST_SEA, null));
        commands.sendAndWait(new ProposeDecision(caseId, DecisionId.random(), Verdict.NO_VIOLATION, List.of(),
                "one-off promotion", List.of(), DismissalLabel.FALSE_POSITIVE, Actors.ANALYST_SEA, null));
        commands.sendAndWait(new CloseCase(caseId, ResolutionCode.NO_VIOLATION, null, Actors.ANALYST_SEA, null));
        return caseId;
    }

    private FlagReceipt raise(Flag flag) {
        return Actors.raise(commands, flag);
    }


    private List<String> types(CaseId caseId) {
        return Histories.types(events, caseId);
    }
}
