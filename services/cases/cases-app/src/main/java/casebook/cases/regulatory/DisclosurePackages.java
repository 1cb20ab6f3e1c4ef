package casebook.cases.regulatory;

import casebook.cases.api.CaseId;
import casebook.cases.api.DisclosableField;
import casebook.cases.api.regulatory.DisclosureId;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.web.model.Authority;
import casebook.cases.web.model.DisclosedCase;
import casebook.cases.web.model.Disclosure;
import casebook.cases.web.model.DisclosureStatus;
import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Legal's reads of disclosure packages (docs/adr/0020): the package from table {@code disclosures} and its request's
 * row (recipient, legal basis); once approved, the content of each case read now from the case's events as they stood
 * at the approval (through Axon's serializer: personal data of an erased subject reads {@code [erased]}).
 */
@Component
class DisclosurePackages {
    private final JdbcClient jdbc;
    private final EventStore events;

    DisclosurePackages(JdbcClient jdbc, EventStore events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    Optional<Disclosure> find(RegulatoryRequestId requestId, DisclosureId disclosureId) {
        return jdbc.sql("""
                        SELECT d.*, r.authority_name, r.authority_jurisdiction, r.legal_basis
                        FROM disclosures d JOIN regulatory_requests r ON r.request_id = d.request_id
                        WHERE d.request_id = :requestId AND d.disclosure_id = :disclosureId""")
                .param("requestId", requestId.value()).param("disclosureId", disclosureId.value())
                .query((rs, row) -> disclosure(rs)).optional()
                .map(this::withContent);
    }

    private Disclosure withContent(Disclosure disclosure) {
        if (disclosure.getStatus() != DisclosureStatus.APPROVED) {
            return disclosure;
        }
        Instant approvedAt = disclosure.getApprovedAt().toInstant();
        List<DisclosableField> fields = disclosure.getFields().stream().map(f -> DisclosableField.valueOf(f.name()))
                .toList();
        List<DisclosableField> redacted = disclosure.getRedacted().stream()
                .map(f -> DisclosableField.valueOf(f.name())).toList();
        return disclosure.cases(disclosure.getCaseIds().stream().map(caseId -> {
            List<? extends DomainEventMessage<?>> asApproved = events.readEvents(new CaseId(caseId).toString(), 0)
                    .asStream().takeWhile(e -> !e.getTimestamp().isAfter(approvedAt)).toList();
            return new DisclosedCase(caseId, DisclosedContent.of(asApproved, fields, redacted));
        }).toList());
    }

    private static Disclosure disclosure(ResultSet rs) throws SQLException {
        List<java.util.UUID> caseIds = RegulatoryRequestJson.read(rs.getString("case_ids"), new TypeReference<>() {
        });
        List<String> fields = RegulatoryRequestJson.read(rs.getString("fields"), new TypeReference<>() {
        });
        List<String> redacted = RegulatoryRequestJson.read(rs.getString("redacted"), new TypeReference<>() {
        });
        return new Disclosure()
                .requestId(rs.getString("request_id"))
                .disclosureId(rs.getString("disclosure_id"))
                .status(DisclosureStatus.fromValue(rs.getString("status")))
                .caseIds(caseIds)
                .fields(fields.stream().map(casebook.cases.web.model.DisclosableField::fromValue).toList())
                .redacted(redacted.stream().map(casebook.cases.web.model.DisclosableField::fromValue).toList())
                .recipient(new Authority().name(rs.getString("authority_name"))
                        .jurisdiction(rs.getString("authority_jurisdiction")))
                .legalBasis(rs.getString("legal_basis"))
                .preparedBy(rs.getString("prepared_by"))
                .preparedAt(time(rs, "prepared_at"))
                .approvedBy(rs.getString("approved_by"))
                .approvedAt(time(rs, "approved_at"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
