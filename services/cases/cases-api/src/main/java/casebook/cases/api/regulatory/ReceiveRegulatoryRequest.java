package casebook.cases.api.regulatory;

import casebook.cases.api.Actor;
import casebook.cases.api.ByActor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Legal records a request received from an authority, under the id legal chose for it. */
public record ReceiveRegulatoryRequest(@TargetAggregateIdentifier RegulatoryRequestId requestId, Authority authority,
                                       String legalBasis, RequestKind kind, String reference, Instant receivedAt,
                                       Instant dueAt, RequestScope scope, List<DocumentRef> documents,
                                       Actor actor) implements ByActor {
    public static final int MAX_LEGAL_BASIS_LENGTH = 2_000;
    public static final int MAX_REFERENCE_LENGTH = 200;

    public ReceiveRegulatoryRequest {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
