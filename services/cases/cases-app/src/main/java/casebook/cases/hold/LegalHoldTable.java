package casebook.cases.hold;

import casebook.cases.api.CaseId;
import casebook.cases.api.LegalHoldPlaced;
import casebook.cases.api.LegalHoldReleased;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.domain.hold.SubjectUnderLegalHold;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The holds on cases now ({@code legal_holds}, V8), kept from the hold events by a subscribing processor in the
 * transaction that stores them ({@code WriteModelTables}): an erasure that reads it sees every committed hold. A hold
 * first takes a share lock on its case's key row, which an erasure holds for update while it checks and destroys
 * (docs/adr/0019): a hold and an erasure of the same case are never both decided on what the other has not written.
 */
@Component
@ProcessingGroup(LegalHoldTable.PROCESSING_GROUP)
public class LegalHoldTable {
    static final String PROCESSING_GROUP = "legal-hold-table";
    private final JdbcClient jdbc;

    LegalHoldTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LegalHoldPlaced event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("SELECT case_id FROM personal_data_keys WHERE case_id = ? FOR SHARE").param(event.caseId().value())
                .query(UUID.class).list();
        jdbc.sql("INSERT INTO legal_holds (case_id, request_id, placed_by, placed_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(event.caseId().value(), event.requestId().value(), event.placedBy(), Timestamp.from(at))
                .update();
    }

    @EventHandler
    void on(LegalHoldReleased event) {
        jdbc.sql("DELETE FROM legal_holds WHERE case_id = ? AND request_id = ?")
                .params(event.caseId().value(), event.requestId().value()).update();
    }

    /**
     * The holds on one case, after locking its key row for update until the transaction ends (retention); empty
     * also when the case has no key row (nothing to erase).
     */
    public List<SubjectUnderLegalHold.Held> lockCaseAndFindHolds(CaseId caseId) {
        jdbc.sql("SELECT case_id FROM personal_data_keys WHERE case_id = ? FOR UPDATE").param(caseId.value())
                .query(UUID.class).list();
        return jdbc.sql("SELECT case_id, request_id FROM legal_holds WHERE case_id = ? ORDER BY placed_at, request_id")
                .param(caseId.value())
                .query((rs, i) -> new SubjectUnderLegalHold.Held(new CaseId(rs.getObject(1, UUID.class)),
                        RegulatoryRequestId.of(rs.getString(2))))
                .list();
    }

    /** The cases the request holds now. */
    public List<CaseId> casesHeldFor(RegulatoryRequestId requestId) {
        return jdbc.sql("SELECT case_id FROM legal_holds WHERE request_id = ? ORDER BY placed_at, case_id")
                .param(requestId.value()).query((rs, i) -> new CaseId(rs.getObject(1, UUID.class))).list();
    }

    /**
     * The holds on the subject's cases whose keys still exist, after locking those key rows for update until the
     * transaction ends (no hold can be written on them meanwhile).
     */
    public List<SubjectUnderLegalHold.Held> lockSubjectAndFindHolds(SubjectRef subject) {
        jdbc.sql("SELECT case_id FROM personal_data_keys WHERE subject_kind = ? AND subject_id = ? ORDER BY case_id "
                        + "FOR UPDATE")
                .params(subject.kind().name(), subject.id()).query(UUID.class).list();
        return jdbc.sql("SELECT h.case_id, h.request_id FROM legal_holds h JOIN personal_data_keys k "
                        + "ON k.case_id = h.case_id WHERE k.subject_kind = ? AND k.subject_id = ? "
                        + "ORDER BY h.placed_at, h.case_id, h.request_id")
                .params(subject.kind().name(), subject.id())
                .query((rs, i) -> new SubjectUnderLegalHold.Held(new CaseId(rs.getObject(1, UUID.class)),
                        RegulatoryRequestId.of(rs.getString(2))))
                .list();
    }
}
