package casebook.cases.api.regulatory;

import org.axonframework.serialization.Revision;

/** Legal rejected the request, with the reason; the request is over. */
@Revision("1")
public record RegulatoryRequestRejected(RegulatoryRequestId requestId, String reason, String rejectedBy) {
}
