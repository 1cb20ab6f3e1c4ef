package casebook.cases.api.regulatory;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Reminder: the request is due soon ({@code casebook.regulatory.reminder-before}) and is not over. */
@Revision("1")
public record RegulatoryRequestDueSoon(RegulatoryRequestId requestId, Instant dueAt, RegulatoryRequestStatus status) {
}
