package casebook.cases.flag;

import casebook.cases.api.CaseId;
import casebook.cases.api.FlagId;
import casebook.cases.api.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Invariant 1's guard: one row per flag id ever accepted, written in the same transaction as the case's
 * events. {@code ON CONFLICT DO NOTHING} waits for a concurrent claim of the same id and then reports it,
 * so the second of two concurrent duplicates sees the first one's case (docs/adr/0003).
 */
@Component
class FlagClaims {
    private final JdbcClient jdbc;

    FlagClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the flag id; false when it had been claimed before (a duplicate). */
    boolean claim(FlagId flagId, Region region) {
        return jdbc.sql("INSERT INTO flag_claims (flag_id, region) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(flagId.value(), region.code())
                .update() == 1;
    }

    void recordCase(FlagId flagId, CaseId caseId) {
        jdbc.sql("UPDATE flag_claims SET case_id = ? WHERE flag_id = ?").params(caseId.value(), flagId.value()).update();
    }

    Optional<Claim> find(FlagId flagId) {
        return jdbc.sql("SELECT region, case_id FROM flag_claims WHERE flag_id = ?")
                .param(flagId.value())
                .query((rs, n) -> new Claim(new Region(rs.getString("region")),
                        new CaseId(rs.getObject("case_id", UUID.class))))
                .optional();
    }

    record Claim(Region region, CaseId caseId) {
    }
}
