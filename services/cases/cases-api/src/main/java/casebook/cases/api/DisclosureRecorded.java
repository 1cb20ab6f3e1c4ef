package casebook.cases.api;

import casebook.cases.api.regulatory.Authority;
import casebook.cases.api.regulatory.DisclosureId;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The case was disclosed: which fields (and which of them redacted), to whom (the request's authority), under which
 * legal basis and request, who prepared and who approved the package, and when it was approved. Not what the fields
 * held: that is read from the case's own events, as of {@code approvedAt} (docs/adr/0020).
 */
@Revision("1")
public record DisclosureRecorded(CaseId caseId, RegulatoryRequestId requestId, DisclosureId disclosureId,
                                 List<DisclosableField> fields, List<DisclosableField> redacted, Authority recipient,
                                 String legalBasis, String preparedBy, String approvedBy, Instant approvedAt) {
}
