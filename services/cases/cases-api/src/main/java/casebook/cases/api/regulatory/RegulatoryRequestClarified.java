package casebook.cases.api.regulatory;

import org.axonframework.serialization.Revision;

/** The authority's clarification, as legal recorded it; the request is received again, for review. */
@Revision("1")
public record RegulatoryRequestClarified(RegulatoryRequestId requestId, String answer, String recordedBy) {
}
