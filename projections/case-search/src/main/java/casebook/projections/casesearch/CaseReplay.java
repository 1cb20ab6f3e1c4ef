package casebook.projections.casesearch;

import casebook.cases.api.CaseView;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A case as the search read model showed it at an instant, rebuilt from the event store: the same fold the projection
 * applies ({@link CaseDocument#apply}) over the case's events stored up to that instant, so an auditor's as-of view
 * and what people saw at the time cannot differ. Events the read model does not follow are passed over, as the
 * projection passes them over.
 */
public final class CaseReplay {
    private CaseReplay() {
    }

    /** The case after its events up to and including {@code asOf}; empty when it did not exist yet. */
    public static Optional<CaseView> asOf(List<? extends DomainEventMessage<?>> events, Instant asOf) {
        CaseDocument document = null;
        for (DomainEventMessage<?> event : events) {
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (CaseDocument.EVENTS.contains(event.getPayloadType())) {
                document = CaseDocument.apply(document, event.getPayload(), event.getSequenceNumber(),
                        event.getTimestamp());
            }
        }
        return Optional.ofNullable(document).map(CaseDocument::toView);
    }
}
