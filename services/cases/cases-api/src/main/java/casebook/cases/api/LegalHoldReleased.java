package casebook.cases.api;

import casebook.cases.api.regulatory.RegulatoryRequestId;
import org.axonframework.serialization.Revision;

/** The hold of a regulatory request on the case was released (by legal, or because the request was closed). */
@Revision("1")
public record LegalHoldReleased(CaseId caseId, RegulatoryRequestId requestId, String releasedBy) {
}
