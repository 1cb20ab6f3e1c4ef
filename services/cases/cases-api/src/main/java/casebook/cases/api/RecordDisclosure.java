package casebook.cases.api;

import casebook.cases.api.regulatory.Authority;
import casebook.cases.api.regulatory.DisclosureId;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Records on a case that an approved disclosure package disclosed it: sent for each case of a
 * {@link casebook.cases.api.regulatory.DisclosureApproved} by the service itself, acting for the approver (legal).
 * The same disclosure recorded twice on a case takes effect once.
 */
public record RecordDisclosure(@TargetAggregateIdentifier CaseId caseId, RegulatoryRequestId requestId,
                               DisclosureId disclosureId, List<DisclosableField> fields,
                               List<DisclosableField> redacted, Authority recipient, String legalBasis,
                               String preparedBy, String approvedBy, Instant approvedAt, Actor actor)
        implements ByActor {
    public RecordDisclosure {
        fields = List.copyOf(fields);
        redacted = List.copyOf(redacted);
    }
}
