package casebook.cases.regulatory;

import casebook.cases.api.CaseId;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.regulatory.DocumentRef;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.api.regulatory.RequestScope;
import casebook.cases.web.model.Authority;
import casebook.cases.web.model.RegulatoryDocument;
import casebook.cases.web.model.RegulatoryRequestKind;
import casebook.cases.web.model.RegulatoryRequestPage;
import casebook.cases.web.model.RegulatoryRequestStatus;
import casebook.cases.web.model.RegulatoryRequestSummary;
import casebook.cases.web.model.RegulatoryScope;
import casebook.cases.web.model.Subject;
import casebook.cases.web.model.SubjectKind;
import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Legal's reads of regulatory requests, from table {@code regulatory_requests} (docs/adr/0017). */
@Component
public class RegulatoryRequests {
    /** The deepest result a page may reach, as for cases. */
    static final int MAX_RESULT_WINDOW = 10_000;
    private static final String SUMMARY_COLUMNS = "request_id, version, status, authority_name, authority_jurisdiction,"
            + " kind, reference, received_at, due_at, subject_count, case_count, overdue_at";

    private final JdbcClient jdbc;

    RegulatoryRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The filters of a search; null or empty means no filter. */
    record Criteria(String authority, Collection<String> statuses, OffsetDateTime dueBefore, OffsetDateTime dueAfter,
                    int page, int size) {
    }

    /**
     * Where the request stands now, empty when there is no such request. The table is written in the transaction of
     * the request's events, so this is never behind them (what a legal hold is justified by, docs/adr/0019).
     */
    public Optional<casebook.cases.api.regulatory.RegulatoryRequestStatus> statusOf(RegulatoryRequestId id) {
        return jdbc.sql("SELECT status FROM regulatory_requests WHERE request_id = :id").param("id", id.value())
                .query((rs, row) -> casebook.cases.api.regulatory.RegulatoryRequestStatus.valueOf(rs.getString(1)))
                .optional();
    }

    Optional<casebook.cases.web.model.RegulatoryRequest> find(RegulatoryRequestId id) {
        return jdbc.sql("SELECT * FROM regulatory_requests WHERE request_id = :id").param("id", id.value())
                .query((rs, row) -> request(rs)).optional();
    }

    RegulatoryRequestPage search(Criteria criteria) {
        if ((long) (criteria.page() + 1) * criteria.size() > MAX_RESULT_WINDOW) {
            throw new IllegalArgumentException("(page + 1) * size must not exceed " + MAX_RESULT_WINDOW);
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (criteria.authority() != null && !criteria.authority().isBlank()) {
            where.append(" AND authority_key LIKE :authority ESCAPE '\\'");
            params.put("authority", "%" + likeLiteral(criteria.authority().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (criteria.statuses() != null && !criteria.statuses().isEmpty()) {
            where.append(" AND status IN (:statuses)");
            params.put("statuses", List.copyOf(criteria.statuses()));
        }
        if (criteria.dueBefore() != null) {
            where.append(" AND due_at < :dueBefore");
            params.put("dueBefore", criteria.dueBefore());
        }
        if (criteria.dueAfter() != null) {
            where.append(" AND due_at >= :dueAfter");
            params.put("dueAfter", criteria.dueAfter());
        }
        long total = jdbc.sql("SELECT count(*) FROM regulatory_requests" + where).params(params)
                .query(Long.class).single();
        List<RegulatoryRequestSummary> items = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM regulatory_requests"
                        + where + " ORDER BY due_at, request_id LIMIT :size OFFSET :offset")
                .params(params).param("size", criteria.size()).param("offset", criteria.page() * criteria.size())
                .query((rs, row) -> summary(rs)).list();
        return new RegulatoryRequestPage().items(items).total(total);
    }

    /** The text matched literally: {@code %}, {@code _} and the escape character mean themselves. */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static RegulatoryRequestSummary summary(ResultSet rs) throws SQLException {
        return new RegulatoryRequestSummary()
                .requestId(rs.getString("request_id"))
                .version(rs.getLong("version"))
                .status(RegulatoryRequestStatus.fromValue(rs.getString("status")))
                .authority(new Authority().name(rs.getString("authority_name"))
                        .jurisdiction(rs.getString("authority_jurisdiction")))
                .kind(RegulatoryRequestKind.fromValue(rs.getString("kind")))
                .reference(rs.getString("reference"))
                .receivedAt(time(rs, "received_at"))
                .dueAt(time(rs, "due_at"))
                .subjectCount(rs.getInt("subject_count"))
                .caseCount(rs.getInt("case_count"))
                .overdue(rs.getObject("overdue_at") != null);
    }

    private static casebook.cases.web.model.RegulatoryRequest request(ResultSet rs) throws SQLException {
        RequestScope scope = RegulatoryRequestJson.read(rs.getString("scope"), new TypeReference<>() {
        });
        List<DocumentRef> documents = RegulatoryRequestJson.read(rs.getString("documents"), new TypeReference<>() {
        });
        List<Subject> subjects = new ArrayList<>();
        for (SubjectRef subject : scope.subjects()) {
            subjects.add(new Subject().kind(SubjectKind.fromValue(subject.kind().name())).id(subject.id()));
        }
        return new casebook.cases.web.model.RegulatoryRequest()
                .requestId(rs.getString("request_id"))
                .version(rs.getLong("version"))
                .status(RegulatoryRequestStatus.fromValue(rs.getString("status")))
                .authority(new Authority().name(rs.getString("authority_name"))
                        .jurisdiction(rs.getString("authority_jurisdiction")))
                .legalBasis(rs.getString("legal_basis"))
                .kind(RegulatoryRequestKind.fromValue(rs.getString("kind")))
                .reference(rs.getString("reference"))
                .receivedAt(time(rs, "received_at"))
                .dueAt(time(rs, "due_at"))
                .scope(new RegulatoryScope().subjects(subjects)
                        .caseIds(scope.caseIds().stream().map(CaseId::value).toList()))
                .documents(documents.stream().map(d -> new RegulatoryDocument().reference(d.reference())
                        .sha256(d.sha256())).toList())
                .receivedBy(rs.getString("received_by"))
                .clarificationQuestion(rs.getString("clarification_question"))
                .clarificationAnswer(rs.getString("clarification_answer"))
                .rejectionReason(rs.getString("rejection_reason"))
                .decidedBy(rs.getString("decided_by"))
                .decidedAt(time(rs, "decided_at"))
                .closedBy(rs.getString("closed_by"))
                .closedAt(time(rs, "closed_at"))
                .closingNote(rs.getString("closing_note"))
                .remindedAt(time(rs, "reminded_at"))
                .overdue(rs.getObject("overdue_at") != null);
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
