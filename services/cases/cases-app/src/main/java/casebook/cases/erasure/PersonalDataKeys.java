package casebook.cases.erasure;

import casebook.cases.api.CaseId;
import casebook.cases.api.Region;
import casebook.cases.api.SubjectRef;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.UUID;

/**
 * Erasure by crypto-shredding (docs/adr/0018): the cases of a subject, and destroying their data keys, after which
 * every personal field of their stored events reads as {@code PersonalData.ERASED} while the events themselves stay.
 * Holds, retention and the erasure request are decided by the caller; this only finds and shreds.
 */
@Component
public class PersonalDataKeys {
    private final JdbcClient jdbc;
    private final DataKeys keys;
    private final Cache riskCases;

    PersonalDataKeys(JdbcClient jdbc, DataKeys keys, @Qualifier("riskCaseCache") Cache riskCases) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.riskCases = riskCases;
    }

    /** The cases of the subject whose keys still exist, in every region, oldest first. */
    public List<CaseId> casesOf(SubjectRef subject) {
        return jdbc.sql("SELECT case_id FROM personal_data_keys WHERE subject_kind = ? AND subject_id = ? "
                        + "ORDER BY created_at, case_id")
                .params(subject.kind().name(), subject.id())
                .query((rs, i) -> new CaseId(rs.getObject(1, UUID.class))).list();
    }

    /** The cases of the subject in one region whose keys still exist, oldest first. */
    public List<CaseId> casesOf(SubjectRef subject, Region region) {
        return jdbc.sql("SELECT case_id FROM personal_data_keys WHERE subject_kind = ? AND subject_id = ? "
                        + "AND region = ? ORDER BY created_at, case_id")
                .params(subject.kind().name(), subject.id(), region.code())
                .query((rs, i) -> new CaseId(rs.getObject(1, UUID.class))).list();
    }

    /**
     * Destroys the data keys of all the subject's cases (their rows stay, without key and subject id, as the record
     * that the case was erased and when), deletes those cases' snapshots (plain aggregate state; rebuilt from the
     * events) and their subject slots (the subject id in clear: a later flag on the subject opens a new case, with a
     * new key) and drops keys and cases from this instance's caches. Returns the cases erased; none if there were none.
     */
    @Transactional
    public List<CaseId> destroy(SubjectRef subject) {
        jdbc.sql("DELETE FROM snapshot_event_entry WHERE aggregate_identifier IN (SELECT case_id::text "
                        + "FROM personal_data_keys WHERE subject_kind = ? AND subject_id = ?)")
                .params(subject.kind().name(), subject.id()).update();
        jdbc.sql("DELETE FROM case_slots WHERE case_id IN (SELECT case_id FROM personal_data_keys "
                        + "WHERE subject_kind = ? AND subject_id = ?)")
                .params(subject.kind().name(), subject.id()).update();
        List<CaseId> cases = jdbc.sql("UPDATE personal_data_keys SET data_key = NULL, subject_id = NULL, "
                        + "erased_at = now() WHERE subject_kind = ? AND subject_id = ? RETURNING case_id")
                .params(subject.kind().name(), subject.id())
                .query((rs, i) -> new CaseId(rs.getObject(1, UUID.class))).list();
        forget(cases);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(cases);
                }
            });
        }
        return cases;
    }

    /**
     * Destroys the data key of one case (retention), with its snapshots and subject slots, as {@link #destroy(SubjectRef)}
     * does for all of a subject's cases. Returns whether the case still had its key.
     */
    @Transactional
    public boolean destroy(CaseId caseId) {
        jdbc.sql("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(caseId.toString()).update();
        jdbc.sql("DELETE FROM case_slots WHERE case_id = ?").param(caseId.value()).update();
        boolean destroyed = jdbc.sql("UPDATE personal_data_keys SET data_key = NULL, subject_id = NULL, "
                        + "erased_at = now() WHERE case_id = ? AND erased_at IS NULL")
                .param(caseId.value()).update() > 0;
        List<CaseId> cases = List.of(caseId);
        forget(cases);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(cases);
                }
            });
        }
        return destroyed;
    }

    private void forget(List<CaseId> cases) {
        keys.evict(cases);
        cases.forEach(caseId -> riskCases.remove(caseId.toString()));
    }
}
