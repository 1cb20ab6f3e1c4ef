package casebook.cases.audit;

import casebook.cases.api.Actor;
import casebook.cases.api.CaseId;
import casebook.cases.api.Region;
import casebook.cases.api.RegionScope;
import casebook.cases.api.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads of cases by auditors and legal, recorded as they happen (who, which case, what, as of when, why) and queryable
 * by auditors for the cases of their regions. Other people's reads are their daily work, not recorded here.
 */
@Component
public class CaseReads {
    /** The roles whose reads are recorded. */
    private static final Set<Role> RECORDED = Set.of(Role.AUDITOR, Role.LEGAL);
    static final int MAX_REASON = 500;

    private final JdbcClient jdbc;

    CaseReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One recorded read. */
    public record Read(UUID caseId, String reader, List<String> roles, String operation, Instant asOf, String reason,
                       Instant readAt) {
    }

    /** Records the read when the reader is an auditor or legal; a read by anyone else is not recorded. */
    public void record(Actor reader, CaseId caseId, Region region, String operation, Instant asOf, String reason) {
        if (RECORDED.stream().noneMatch(reader::has)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO case_reads (case_id, region, reader, roles, operation, as_of, reason)
                        VALUES (:case, :region, :reader, :roles, :operation, :asOf, :reason)""")
                .param("case", caseId.value())
                .param("region", region.code())
                .param("reader", reader.userId())
                .param("roles", reader.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("operation", operation)
                .param("asOf", asOf == null ? null : Timestamp.from(asOf))
                .param("reason", reason == null || reason.isBlank() ? null : reason.strip())
                .update();
    }

    /** The reads of cases in {@code scope}, newest first, optionally of one case and by one reader. */
    public List<Read> find(RegionScope scope, UUID caseId, String reader, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!scope.all()) {
            if (scope.regions().isEmpty()) {
                return List.of();
            }
            where.add("region IN (:regions)");
            params.put("regions", scope.regions().stream().map(Region::code).toList());
        }
        if (caseId != null) {
            where.add("case_id = :case");
            params.put("case", caseId);
        }
        if (reader != null) {
            where.add("reader = :reader");
            params.put("reader", reader);
        }
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql("SELECT case_id, reader, roles, operation, as_of, reason, read_at FROM case_reads"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY read_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new Read(rs.getObject("case_id", UUID.class), rs.getString("reader"),
                        Arrays.asList(rs.getString("roles").split(",")), rs.getString("operation"),
                        rs.getTimestamp("as_of") == null ? null : rs.getTimestamp("as_of").toInstant(),
                        rs.getString("reason"), rs.getTimestamp("read_at").toInstant()))
                .list();
    }
}
