package casebook.cases.api.regulatory;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Legal accepted the request. It carries the scope and the kind again, so that whoever places legal holds acts on
 * this event alone.
 */
@Revision("1")
public record RegulatoryRequestAccepted(RegulatoryRequestId requestId, RequestKind kind, RequestScope scope,
                                        Instant dueAt, String acceptedBy) {
}
