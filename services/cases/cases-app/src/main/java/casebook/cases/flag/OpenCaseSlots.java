package casebook.cases.flag;

import casebook.cases.api.CaseId;
import casebook.cases.api.Flag;
import casebook.cases.api.Region;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.SubjectKind;
import casebook.cases.api.SubjectRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static casebook.cases.flag.FlagClaims.rows;

/**
 * Invariant 2's guard: at most one open case per (region, subject kind, subject id, category). The primary key
 * makes a second concurrent opener wait and then find the first one's case (docs/adr/0003). Set-based: two
 * statements per batch, whatever its size.
 */
@Component
class OpenCaseSlots {
    private final JdbcClient jdbc;

    OpenCaseSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The slot of a flag: where its case lives. */
    record Key(Region region, SubjectRef subject, RiskCategory category) {
        static Key of(Flag flag) {
            return new Key(flag.region(), flag.subject(), flag.category());
        }
    }

    record Slot(CaseId caseId, boolean isNew) {
    }

    /** The open case of each key, claiming a new case id for the keys that have none. */
    Map<Key, Slot> claim(Collection<Key> keys) {
        if (keys.isEmpty()) return Map.of();
        List<Key> sorted = keys.stream().distinct()
                .sorted(Comparator.comparing((Key k) -> k.region().code()).thenComparing(k -> k.subject().kind())
                        .thenComparing(k -> k.subject().id()).thenComparing(Key::category))
                .toList();
        List<Object> params = new ArrayList<>();
        sorted.forEach(k -> {
            params.addAll(columns(k));
            params.add(CaseId.random().value());
        });
        Set<UUID> opened = new HashSet<>(jdbc.sql("""
                        INSERT INTO open_case_slots (region, subject_kind, subject_id, category, case_id)
                        VALUES %s ON CONFLICT DO NOTHING RETURNING case_id""".formatted(rows(sorted.size(), "(?, ?, ?, ?, ?)")))
                .params(params).query(UUID.class).list());
        Map<Key, Slot> slots = new HashMap<>();
        jdbc.sql("""
                        SELECT region, subject_kind, subject_id, category, case_id FROM open_case_slots
                        WHERE (region, subject_kind, subject_id, category) IN (%s)""".formatted(rows(sorted.size(), "(?, ?, ?, ?)")))
                .params(sorted.stream().flatMap(k -> columns(k).stream()).toList())
                .query((rs, n) -> Map.entry(
                        new Key(new Region(rs.getString("region")),
                                new SubjectRef(SubjectKind.valueOf(rs.getString("subject_kind")), rs.getString("subject_id")),
                                RiskCategory.valueOf(rs.getString("category"))),
                        rs.getObject("case_id", UUID.class)))
                .list()
                .forEach(row -> slots.put(row.getKey(), new Slot(new CaseId(row.getValue()), opened.contains(row.getValue()))));
        return slots;
    }

    private static List<Object> columns(Key key) {
        return List.of(key.region().code(), key.subject().kind().name(), key.subject().id(), key.category().name());
    }
}
