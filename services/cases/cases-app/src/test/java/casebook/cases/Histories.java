package casebook.cases;

import casebook.cases.api.CaseId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.List;

/** A case's history as the event store holds it, for the service's integration tests. */
public final class Histories {
    private Histories() {
    }

    /** Every event of the case, oldest first. */
    public static List<DomainEventMessage<?>> of(EventStore events, CaseId caseId) {
        return events.readEvents(caseId.toString(), 0).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    /** The simple names of the case's event types, oldest first. */
    public static List<String> types(EventStore events, CaseId caseId) {
        return of(events, caseId).stream().map(e -> e.getPayloadType().getSimpleName()).toList();
    }
}
