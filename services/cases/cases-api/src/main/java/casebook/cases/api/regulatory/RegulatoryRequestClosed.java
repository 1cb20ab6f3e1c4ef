package casebook.cases.api.regulatory;

import org.axonframework.serialization.Revision;

/**
 * Legal closed an accepted request (fulfilled). It carries the scope again, so that the holds the request justified
 * can be released on this event alone.
 */
@Revision("1")
public record RegulatoryRequestClosed(RegulatoryRequestId requestId, RequestScope scope, String note,
                                      String closedBy) {
}
