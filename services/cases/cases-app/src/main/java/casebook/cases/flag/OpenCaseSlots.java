package casebook.cases.flag;

import casebook.cases.api.CaseId;
import casebook.cases.api.Flag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Invariant 2's guard: at most one open case per (region, subject kind, subject id, category). The primary
 * key makes a second concurrent opener wait and then find the first one's case (docs/adr/0003).
 */
@Component
class OpenCaseSlots {
    private final JdbcClient jdbc;

    OpenCaseSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The open case of the flag's subject and category, claiming the slot for {@code candidate} if there is none. */
    Slot claim(Flag flag, CaseId candidate) {
        int inserted = jdbc.sql("""
                        INSERT INTO open_case_slots (region, subject_kind, subject_id, category, case_id)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(flag.region().code(), flag.subject().kind().name(), flag.subject().id(),
                        flag.category().name(), candidate.value())
                .update();
        if (inserted == 1) {
            return new Slot(candidate, true);
        }
        UUID open = jdbc.sql("""
                        SELECT case_id FROM open_case_slots
                        WHERE region = ? AND subject_kind = ? AND subject_id = ? AND category = ?""")
                .params(flag.region().code(), flag.subject().kind().name(), flag.subject().id(), flag.category().name())
                .query(UUID.class)
                .single();
        return new Slot(new CaseId(open), false);
    }

    record Slot(CaseId caseId, boolean isNew) {
    }
}
