package casebook.cases.api.regulatory;

import casebook.cases.api.CaseId;
import casebook.cases.api.DisclosableField;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Legal prepared a disclosure package for the request's authority: which cases, which fields (in catalogue order),
 * which of them redacted. What the fields hold is not here: it is read from the cases when the package is read
 * (docs/adr/0020).
 */
@Revision("1")
public record DisclosurePrepared(RegulatoryRequestId requestId, DisclosureId disclosureId, List<CaseId> caseIds,
                                 List<DisclosableField> fields, List<DisclosableField> redacted, String preparedBy) {
}
