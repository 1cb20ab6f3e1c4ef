package casebook.projections.casesearch;

import casebook.cases.api.CaseView;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A case as the search read model showed it, or will show it, rebuilt from the event store: the same fold the
 * projection applies ({@link CaseDocument#apply}) over the case's events, so an auditor's as-of view, a read of one's
 * own write and what people see in the read model cannot differ. Events the read model does not follow are passed
 * over, as the projection passes them over.
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
            document = fold(document, event);
        }
        return Optional.ofNullable(document).map(CaseDocument::toView);
    }

    /**
     * {@code document} (null for none yet) continued with {@code events}, the case's events that follow it in
     * sequence order: what the projection will write once it has handled them.
     */
    static CaseDocument continued(CaseDocument document, Iterator<? extends DomainEventMessage<?>> events) {
        while (events.hasNext()) {
            document = fold(document, events.next());
        }
        return document;
    }

    private static CaseDocument fold(CaseDocument document, DomainEventMessage<?> event) {
        if (!CaseDocument.EVENTS.contains(event.getPayloadType())) {
            return document;
        }
        return CaseDocument.apply(document, event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
    }
}
