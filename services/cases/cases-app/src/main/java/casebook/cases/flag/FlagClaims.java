package casebook.cases.flag;

import casebook.cases.api.CaseId;
import casebook.cases.api.Flag;
import casebook.cases.api.FlagId;
import casebook.cases.api.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Invariant 1's guard: one row per flag id ever accepted, written in the same transaction as the case's events.
 * {@code ON CONFLICT DO NOTHING} waits for a concurrent claim of the same id and then reports it, so the second
 * of two concurrent duplicates sees the first one's case (docs/adr/0003). Set-based: one statement per batch.
 */
@Component
class FlagClaims {
    private final JdbcClient jdbc;

    FlagClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the flags' ids; answers those claimed now (the others had been claimed before: duplicates). */
    Set<FlagId> claim(Collection<Flag> flags) {
        List<Flag> sorted = flags.stream().sorted((a, b) -> a.flagId().value().compareTo(b.flagId().value())).toList();
        List<Object> params = new ArrayList<>();
        sorted.forEach(f -> {
            params.add(f.flagId().value());
            params.add(f.region().code());
        });
        List<String> claimed = jdbc.sql("INSERT INTO flag_claims (flag_id, region) VALUES "
                        + rows(sorted.size(), "(?, ?)") + " ON CONFLICT DO NOTHING RETURNING flag_id")
                .params(params).query(String.class).list();
        Set<FlagId> ids = new HashSet<>();
        claimed.forEach(id -> ids.add(new FlagId(id)));
        return ids;
    }

    void recordCases(Map<FlagId, CaseId> cases) {
        if (cases.isEmpty()) return;
        List<Object> params = new ArrayList<>();
        cases.forEach((flag, caseId) -> {
            params.add(flag.value());
            params.add(caseId.value());
        });
        jdbc.sql("UPDATE flag_claims f SET case_id = v.case_id FROM (VALUES " + rows(cases.size(), "(?, ?::uuid)")
                        + ") AS v(flag_id, case_id) WHERE f.flag_id = v.flag_id")
                .params(params).update();
    }

    Map<FlagId, Claim> find(Collection<FlagId> flagIds) {
        if (flagIds.isEmpty()) return Map.of();
        Map<FlagId, Claim> claims = new HashMap<>();
        jdbc.sql("SELECT flag_id, region, case_id FROM flag_claims WHERE flag_id IN (" + rows(flagIds.size(), "?") + ")")
                .params(flagIds.stream().map(id -> (Object) id.value()).toList())
                .query((rs, n) -> Map.entry(new FlagId(rs.getString("flag_id")),
                        new Claim(new Region(rs.getString("region")), new CaseId(rs.getObject("case_id", UUID.class)))))
                .list()
                .forEach(row -> claims.put(row.getKey(), row.getValue()));
        return claims;
    }

    /** {@code n} copies of {@code row}, comma-separated: placeholders only, never values. */
    static String rows(int n, String row) {
        return String.join(", ", Collections.nCopies(n, row));
    }

    record Claim(Region region, CaseId caseId) {
    }
}
