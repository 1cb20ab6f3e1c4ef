package casebook.cases.api.regulatory;

import org.axonframework.serialization.Revision;

/** Legal asked the authority to clarify the request; the request waits for the answer. */
@Revision("1")
public record RegulatoryRequestClarificationRequested(RegulatoryRequestId requestId, String question,
                                                      String requestedBy) {
}
