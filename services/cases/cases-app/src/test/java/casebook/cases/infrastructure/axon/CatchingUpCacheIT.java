package casebook.cases.infrastructure.axon;

import casebook.cases.Histories;
import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.api.AddNote;
import casebook.cases.api.CaseId;
import casebook.cases.api.NoteAdded;
import casebook.cases.api.NoteId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import static org.assertj.core.api.Assertions.assertThat;

/** Cached risk cases with another service instance writing to the same event store. */
@CasesAppTest
class CatchingUpCacheIT {
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    EventStore events;
    @Autowired
    TransactionManager transactions;

    @Test
    void aCachedCaseFirstCatchesUpWithWhatAnotherInstanceAppended() {
        CaseId caseId = Actors.raise(commands, Actors.newSellerFlag("0.4")).caseId(); // cached here at version 1

        // the other instance adds a note: straight into the shared event store, past this instance's cache
        transactions.executeInTransaction(() -> storage.appendEvents(new GenericDomainEventMessage<>(
                "RiskCase", caseId.toString(), 2, new NoteAdded(caseId, NoteId.random(), "lee.sea", "seen elsewhere"),
                MetaData.with("region", "SEA"))));

        // the analyst saw version 2 (through the other instance) and writes here
        long version = commands.sendAndWait(new AddNote(caseId, NoteId.random(), "second look", Actors.ANALYST_SEA, 2L));

        assertThat(version).isEqualTo(3);
        assertThat(Histories.types(events, caseId))
                .containsExactly("CaseOpened", "FlagAttached", "NoteAdded", "NoteAdded");
    }

}
