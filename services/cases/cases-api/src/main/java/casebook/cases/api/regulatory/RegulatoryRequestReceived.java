package casebook.cases.api.regulatory;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** Legal recorded a request from an authority: everything it says, scope and documents included. */
@Revision("1")
public record RegulatoryRequestReceived(RegulatoryRequestId requestId, Authority authority, String legalBasis,
                                        RequestKind kind, String reference, Instant receivedAt, Instant dueAt,
                                        RequestScope scope, List<DocumentRef> documents, String receivedBy) {
}
