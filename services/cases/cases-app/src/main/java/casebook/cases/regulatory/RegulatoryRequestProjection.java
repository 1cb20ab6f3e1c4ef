package casebook.cases.regulatory;

import casebook.cases.api.regulatory.DisclosureApproved;
import casebook.cases.api.regulatory.DisclosurePrepared;
import casebook.cases.api.regulatory.RegulatoryRequestAccepted;
import casebook.cases.api.regulatory.RegulatoryRequestClarificationRequested;
import casebook.cases.api.regulatory.RegulatoryRequestClarified;
import casebook.cases.api.regulatory.RegulatoryRequestClosed;
import casebook.cases.api.regulatory.RegulatoryRequestDueSoon;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.api.regulatory.RegulatoryRequestOverdue;
import casebook.cases.api.regulatory.RegulatoryRequestReceived;
import casebook.cases.api.regulatory.RegulatoryRequestRejected;
import casebook.cases.api.regulatory.RegulatoryRequestStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps table {@code regulatory_requests}, one row per request, in the transaction of the request's events: its
 * processor subscribes (see {@link RegulatoryReadModelConfiguration}) and a failure here rolls the command back, so
 * the list never lags behind or misses a change (docs/adr/0017). Each row holds the version (sequence number) of the
 * last event applied; an event at or below it changes nothing, so replaying the event store into the table is safe.
 */
@Component
@ProcessingGroup(RegulatoryRequestProjection.PROCESSING_GROUP)
class RegulatoryRequestProjection {
    static final String PROCESSING_GROUP = "regulatory-requests";

    private final JdbcClient jdbc;

    RegulatoryRequestProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RegulatoryRequestReceived event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO regulatory_requests (request_id, version, status, authority_name, authority_key,
                            authority_jurisdiction, legal_basis, kind, reference, received_at, due_at, scope, documents,
                            subject_count, case_count, received_by, updated_at)
                        VALUES (:id, :version, :status, :name, :key, :jurisdiction, :legalBasis, :kind, :reference,
                            :receivedAt, :dueAt, CAST(:scope AS jsonb), CAST(:documents AS jsonb), :subjects, :cases,
                            :receivedBy, :at)
                        ON CONFLICT (request_id) DO NOTHING""")
                .param("id", event.requestId().value())
                .param("version", version)
                .param("status", RegulatoryRequestStatus.RECEIVED.name())
                .param("name", event.authority().name())
                .param("key", event.authority().name().toLowerCase(java.util.Locale.ROOT))
                .param("jurisdiction", event.authority().jurisdiction())
                .param("legalBasis", event.legalBasis())
                .param("kind", event.kind().name())
                .param("reference", event.reference())
                .param("receivedAt", utc(event.receivedAt()))
                .param("dueAt", utc(event.dueAt()))
                .param("scope", RegulatoryRequestJson.write(event.scope()))
                .param("documents", RegulatoryRequestJson.write(event.documents()))
                .param("subjects", event.scope().subjects().size())
                .param("cases", event.scope().caseIds().size())
                .param("receivedBy", event.receivedBy())
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(RegulatoryRequestClarificationRequested event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.requestId(), version, at, "status = 'CLARIFICATION_REQUESTED', clarification_question = :text,"
                + " clarification_answer = NULL", event.question());
    }

    @EventHandler
    void on(RegulatoryRequestClarified event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.requestId(), version, at, "status = 'RECEIVED', clarification_answer = :text", event.answer());
    }

    @EventHandler
    void on(RegulatoryRequestAccepted event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.requestId(), version, at, "status = 'ACCEPTED', decided_by = :text, decided_at = :at",
                event.acceptedBy());
    }

    @EventHandler
    void on(RegulatoryRequestRejected event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("UPDATE regulatory_requests SET status = 'REJECTED', rejection_reason = :reason, decided_by = :by,"
                        + " decided_at = :at, version = :version, updated_at = :at"
                        + " WHERE request_id = :id AND version < :version")
                .param("reason", event.reason()).param("by", event.rejectedBy())
                .param("at", utc(at)).param("version", version).param("id", event.requestId().value())
                .update();
    }

    @EventHandler
    void on(RegulatoryRequestClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("UPDATE regulatory_requests SET status = 'CLOSED', closed_by = :by, closed_at = :at,"
                        + " closing_note = :note, version = :version, updated_at = :at"
                        + " WHERE request_id = :id AND version < :version")
                .param("by", event.closedBy()).param("note", event.note())
                .param("at", utc(at)).param("version", version).param("id", event.requestId().value())
                .update();
    }

    @EventHandler
    void on(RegulatoryRequestDueSoon event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.requestId(), version, at, "reminded_at = :at", null);
    }

    @EventHandler
    void on(RegulatoryRequestOverdue event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.requestId(), version, at, "overdue_at = :at", null);
    }

    /** A package of the request (docs/adr/0020): its row, and the request's version. */
    @EventHandler
    void on(DisclosurePrepared event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO disclosures (request_id, disclosure_id, status, case_ids, fields, redacted,
                            prepared_by, prepared_at)
                        VALUES (:id, :disclosureId, 'PREPARED', CAST(:caseIds AS jsonb), CAST(:fields AS jsonb),
                            CAST(:redacted AS jsonb), :by, :at)
                        ON CONFLICT (request_id, disclosure_id) DO NOTHING""")
                .param("id", event.requestId().value())
                .param("disclosureId", event.disclosureId().value())
                .param("caseIds", RegulatoryRequestJson.write(event.caseIds()))
                .param("fields", RegulatoryRequestJson.write(event.fields()))
                .param("redacted", RegulatoryRequestJson.write(event.redacted()))
                .param("by", event.preparedBy())
                .param("at", utc(at))
                .update();
        touch(event.requestId(), version, at);
    }

    @EventHandler
    void on(DisclosureApproved event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("UPDATE disclosures SET status = 'APPROVED', approved_by = :by, approved_at = :at"
                        + " WHERE request_id = :id AND disclosure_id = :disclosureId AND status = 'PREPARED'")
                .param("by", event.approvedBy()).param("at", utc(at))
                .param("id", event.requestId().value()).param("disclosureId", event.disclosureId().value())
                .update();
        touch(event.requestId(), version, at);
    }

    /** The request's version follows every event of it, so that its ETag stays the one to send back. */
    private void touch(RegulatoryRequestId id, long version, Instant at) {
        jdbc.sql("UPDATE regulatory_requests SET version = :version, updated_at = :at"
                        + " WHERE request_id = :id AND version < :version")
                .param("version", version).param("at", utc(at)).param("id", id.value())
                .update();
    }

    private void update(RegulatoryRequestId id, long version, Instant at, String set, String text) {
        var statement = jdbc.sql("UPDATE regulatory_requests SET " + set + ", version = :version, updated_at = :at"
                        + " WHERE request_id = :id AND version < :version")
                .param("version", version).param("at", utc(at)).param("id", id.value());
        if (set.contains(":text")) {
            statement = statement.param("text", text);
        }
        statement.update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
