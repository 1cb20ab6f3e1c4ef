package casebook.cases.erasure;

import casebook.cases.api.CaseId;
import casebook.cases.api.Region;
import casebook.cases.api.SubjectRef;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data keys of the cases, one per case, in {@code personal_data_keys} (docs/adr/0018). Keys are cached
 * ({@code casebook.erasure.cached-keys} cases, each entry at most {@code casebook.erasure.key-cache-ttl} old, so
 * that another instance stops using a destroyed key within that time): the intake does not read PostgreSQL per
 * event. The keys of the cases a transaction opens are inserted in one batch just before it commits, not one
 * round trip per case. Key material is never logged nor printed.
 */
@Component
public class DataKeys implements CaseKeys {
    private final JdbcTemplate jdbc;
    private final Cache<CaseId, CaseKey> cache;

    DataKeys(JdbcTemplate jdbc, @Value("${casebook.erasure.cached-keys:100000}") long cachedKeys,
             @Value("${casebook.erasure.key-cache-ttl:PT10M}") Duration ttl) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder().maximumSize(cachedKeys).expireAfterWrite(ttl).build();
    }

    @Override
    public CaseKey find(CaseId caseId) {
        return cache.get(caseId, this::load);
    }

    @Override
    public CaseKey open(CaseId caseId, SubjectRef subject, Region region) {
        CaseKey key = CaseKey.of(PersonalDataCipher.newKey());
        NewKey row = new NewKey(caseId, subject, region, key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pending().add(row);
        } else {
            insert(List.of(row));
        }
        cache.put(caseId, key);
        return key;
    }

    /** Forgets what is cached about these cases: the next use reads the table. */
    void evict(Collection<CaseId> cases) {
        cache.invalidateAll(cases);
    }

    private CaseKey load(CaseId caseId) {
        List<CaseKey> found = jdbc.query("SELECT data_key FROM personal_data_keys WHERE case_id = ?",
                (rs, i) -> {
                    byte[] stored = rs.getBytes(1);
                    return stored == null ? CaseKey.ERASED : CaseKey.of(PersonalDataCipher.key(stored));
                }, caseId.value());
        return found.isEmpty() ? CaseKey.UNKNOWN : found.get(0);
    }

    private void insert(List<NewKey> rows) {
        jdbc.batchUpdate("INSERT INTO personal_data_keys (case_id, subject_kind, subject_id, region, data_key) "
                + "VALUES (?, ?, ?, ?, ?)", rows, rows.size(), (ps, row) -> {
            ps.setObject(1, row.caseId().value());
            ps.setString(2, row.subject().kind().name());
            ps.setString(3, row.subject().id());
            ps.setString(4, row.region().code());
            ps.setBytes(5, row.key().secret().getEncoded());
        });
    }

    /** The keys this transaction created, inserted together before it commits, forgotten if it rolls back. */
    private PendingKeys pending() {
        PendingKeys pending = (PendingKeys) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new PendingKeys();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    private record NewKey(CaseId caseId, SubjectRef subject, Region region, CaseKey key) {
    }

    private final class PendingKeys implements TransactionSynchronization {
        private final Map<CaseId, NewKey> rows = new LinkedHashMap<>();

        void add(NewKey row) {
            rows.put(row.caseId(), row);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!rows.isEmpty()) insert(List.copyOf(rows.values()));
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(DataKeys.this);
            if (status != STATUS_COMMITTED) cache.invalidateAll(rows.keySet());
        }
    }
}
