package casebook.cases.infrastructure.axon;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.Histories;
import casebook.cases.api.AddNote;
import casebook.cases.api.CaseId;
import casebook.cases.api.CaseOpened;
import casebook.cases.api.NoteId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A row stored in an older revision is read by the application's own event store, and its case still works. */
@CasesAppTest
class StoredEventsIT {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore events;
    @Autowired
    CommandGateway commands;

    @Test
    void aCaseOpenedInRevisionOneStillLoadsAndTakesCommands() throws IOException {
        CaseId caseId = CaseId.random();
        String sample;
        try (InputStream in = getClass().getResourceAsStream("/events/CaseOpened.1.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(StoredEventsTest.CASE.toString(), caseId.toString());
        }
        jdbc.sql("""
                        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (?, 0, 'RiskCase', ?, ?, ?, '1', ?, ?)""")
                .params(caseId.toString(), UUID.randomUUID().toString(),
                        "{\"region\":\"SEA\",\"actor\":\"detector-sea\"}".getBytes(StandardCharsets.UTF_8),
                        sample.getBytes(StandardCharsets.UTF_8), CaseOpened.class.getName(), Instant.now().toString())
                .update();

        List<DomainEventMessage<?>> history = Histories.of(events, caseId);
        assertThat(history).hasSize(1);
        CaseOpened opened = (CaseOpened) history.get(0).getPayload();
        assertThat(opened.caseId()).isEqualTo(caseId);
        assertThat(opened.slaDueAt()).isEqualTo(Instant.parse("2026-11-20T12:15:00Z"));
        assertThat(opened.decisionDueAt()).isNull();

        long version = commands.sendAndWait(new AddNote(caseId, NoteId.random(), "older case", Actors.ANALYST_SEA, 0L));

        assertThat(version).isEqualTo(1);
        assertThat(Histories.types(events, caseId)).containsExactly("CaseOpened", "NoteAdded");
    }
}
