package casebook.cases.api.regulatory;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Escalation: the due date passed and the request is neither rejected nor closed. */
@Revision("1")
public record RegulatoryRequestOverdue(RegulatoryRequestId requestId, Instant dueAt, RegulatoryRequestStatus status) {
}
