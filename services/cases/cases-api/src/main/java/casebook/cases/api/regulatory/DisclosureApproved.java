package casebook.cases.api.regulatory;

import casebook.cases.api.CaseId;
import casebook.cases.api.DisclosableField;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A second legal user approved the package (four eyes). It carries everything each case records about it, so that
 * the recording on every case follows from this event alone: the cases, fields and redactions, the recipient (the
 * request's authority), the legal basis, who prepared and who approved it.
 */
@Revision("1")
public record DisclosureApproved(RegulatoryRequestId requestId, DisclosureId disclosureId, List<CaseId> caseIds,
                                 List<DisclosableField> fields, List<DisclosableField> redacted, Authority recipient,
                                 String legalBasis, String preparedBy, String approvedBy) {
}
