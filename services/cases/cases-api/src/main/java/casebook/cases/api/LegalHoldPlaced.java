package casebook.cases.api;

import casebook.cases.api.regulatory.RegulatoryRequestId;
import org.axonframework.serialization.Revision;

/**
 * The case is held for a regulatory request: its personal data cannot be erased until the hold is released
 * (invariant 8, GDPR Art. 17(3)). {@code placedBy} is the legal user, or {@code casebook-legal-holds} when the
 * request's acceptance placed it.
 */
@Revision("1")
public record LegalHoldPlaced(CaseId caseId, RegulatoryRequestId requestId, String placedBy) {
}
