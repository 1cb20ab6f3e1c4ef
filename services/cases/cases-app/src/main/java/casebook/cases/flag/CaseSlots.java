package casebook.cases.flag;

import casebook.cases.api.CaseClosed;
import casebook.cases.api.CaseId;
import casebook.cases.api.CaseMerged;
import casebook.cases.api.CaseReopened;
import casebook.cases.api.Flag;
import casebook.cases.api.Region;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.SubjectKind;
import casebook.cases.api.SubjectRef;
import casebook.cases.domain.CaseRuleBroken;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static casebook.cases.flag.FlagClaims.rows;

/**
 * Invariant 2's guard: one slot per (region, subject kind, subject id, category) naming the subject's current case,
 * open unless {@code closed_at} is set. The primary key makes a second concurrent opener wait and then find the
 * first one's case (docs/adr/0003); the rows of a batch are locked so that no case closes or reopens under it. A
 * closed case keeps its slot: a flag within the reopen window reopens it, a later one opens a new case in its
 * place (docs/adr/0011). Set-based: a few statements per batch, whatever its size.
 */
@Component
@ProcessingGroup(CaseSlots.PROCESSING_GROUP)
class CaseSlots {
    /** Subscribing: the slots change in the transaction of the events (see FlagKafkaConfiguration). */
    static final String PROCESSING_GROUP = "case-slots";
    private static final Comparator<Key> KEY_ORDER = Comparator.comparing((Key k) -> k.region().code())
            .thenComparing(k -> k.subject().kind()).thenComparing(k -> k.subject().id()).thenComparing(Key::category);
    private final JdbcClient jdbc;
    private final Duration reopenWindow;

    CaseSlots(JdbcClient jdbc, @Value("${casebook.cases.reopen-window}") Duration reopenWindow) {
        if (reopenWindow.isNegative()) {
            throw new IllegalArgumentException("casebook.cases.reopen-window cannot be negative");
        }
        this.jdbc = jdbc;
        this.reopenWindow = reopenWindow;
    }

    /** The slot of a flag: where its case lives. */
    record Key(Region region, SubjectRef subject, RiskCategory category) {
        static Key of(Flag flag) {
            return new Key(flag.region(), flag.subject(), flag.category());
        }
    }

    /** The case a flag goes to; {@code isNew} when it is yet to be opened (a closed one reopens on its own). */
    record Slot(CaseId caseId, boolean isNew) {
    }

    private record Row(Key key, UUID caseId, Instant closedAt) {
    }

    /**
     * The current case of each key: its open case, its closed case if that closed within the reopen window, else a
     * new case id claimed for it.
     */
    Map<Key, Slot> claim(Collection<Key> keys) {
        if (keys.isEmpty()) return Map.of();
        List<Key> sorted = keys.stream().distinct().sorted(KEY_ORDER).toList();
        List<Object> params = new ArrayList<>();
        sorted.forEach(k -> {
            params.addAll(columns(k));
            params.add(CaseId.random().value());
        });
        Set<UUID> opened = new HashSet<>(jdbc.sql("""
                        INSERT INTO case_slots (region, subject_kind, subject_id, category, case_id)
                        VALUES %s ON CONFLICT DO NOTHING RETURNING case_id""".formatted(rows(sorted.size(), "(?, ?, ?, ?, ?)")))
                .params(params).query(UUID.class).list());
        List<Row> current = jdbc.sql("""
                        SELECT region, subject_kind, subject_id, category, case_id, closed_at FROM case_slots
                        WHERE (region, subject_kind, subject_id, category) IN (%s)
                        ORDER BY region, subject_kind, subject_id, category FOR UPDATE"""
                        .formatted(rows(sorted.size(), "(?, ?, ?, ?)")))
                .params(sorted.stream().flatMap(k -> columns(k).stream()).toList())
                .query((rs, n) -> new Row(
                        new Key(new Region(rs.getString("region")),
                                new SubjectRef(SubjectKind.valueOf(rs.getString("subject_kind")), rs.getString("subject_id")),
                                RiskCategory.valueOf(rs.getString("category"))),
                        rs.getObject("case_id", UUID.class),
                        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant()))
                .list();
        Instant windowStart = Instant.now().minus(reopenWindow);
        Map<Key, Slot> slots = new HashMap<>();
        for (Row row : current) {
            if (row.closedAt() == null) {
                slots.put(row.key(), new Slot(new CaseId(row.caseId()), opened.contains(row.caseId())));
            } else if (row.closedAt().isAfter(windowStart)) {
                reopen(row.caseId());
                slots.put(row.key(), new Slot(new CaseId(row.caseId()), false));
            } else {
                UUID successor = CaseId.random().value();
                jdbc.sql("""
                                UPDATE case_slots SET case_id = ?, closed_at = NULL
                                WHERE region = ? AND subject_kind = ? AND subject_id = ? AND category = ?""")
                        .params(Stream.concat(Stream.of(successor), columns(row.key()).stream()).toList()).update();
                slots.put(row.key(), new Slot(new CaseId(successor), true));
            }
        }
        return slots;
    }

    /** The case closed: its slot stays its own until a newer flag outside the reopen window takes it. */
    @EventHandler
    void on(CaseClosed event) {
        jdbc.sql("UPDATE case_slots SET closed_at = now() WHERE case_id = ?").param(event.caseId().value()).update();
    }

    /**
     * The closed case opened again (a person reopened it, or a flag within the window did, whose claim reopened the
     * slot already). Refused when a newer case of the same subject and category took its slot: the exception rolls
     * the reopening back with the rest of its transaction.
     */
    @EventHandler
    void on(CaseReopened event) {
        if (jdbc.sql("UPDATE case_slots SET closed_at = NULL WHERE case_id = ?").param(event.caseId().value())
                .update() > 0) {
            return;
        }
        throw new CaseRuleBroken("newer-case-open", "a newer case is the current one for this subject and category;"
                + " add the evidence there");
    }

    /** The duplicate's slots now name the case it was merged into. */
    @EventHandler
    void on(CaseMerged event) {
        jdbc.sql("UPDATE case_slots SET case_id = ? WHERE case_id = ?")
                .params(event.into().value(), event.caseId().value()).update();
    }

    /** Opens every slot of the case again (a survivor of merges holds several); false when it holds none closed. */
    private boolean reopen(UUID caseId) {
        return jdbc.sql("UPDATE case_slots SET closed_at = NULL WHERE case_id = ? AND closed_at IS NOT NULL")
                .param(caseId).update() > 0;
    }

    private static List<Object> columns(Key key) {
        return List.of(key.region().code(), key.subject().kind().name(), key.subject().id(), key.category().name());
    }
}
