package casebook.cases.search;

import casebook.cases.api.CaseId;
import casebook.cases.api.Region;
import casebook.cases.api.RegionScope;
import casebook.cases.domain.CaseNotFound;
import casebook.cases.domain.RiskCase;
import casebook.cases.web.model.CaseEvent;
import casebook.projections.casesearch.CaseReplay;
import casebook.cases.web.model.CaseHistory;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A case's full history straight from the event store (not a read model): every event with its type, time,
 * actor, region, reason, correlation and causation ids and payload; as of an instant, also the case as it was then.
 * Out-of-region cases are not found.
 */
@Component
class CaseHistories {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private final EventStore events;
    private final ObjectMapper json;

    CaseHistories(EventStore events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /**
     * The case's events, all of them or (with {@code asOf}) those stored up to that instant together with the case as
     * the read model showed it then ({@link CaseReplay}).
     */
    Read of(CaseId caseId, RegionScope scope, Instant asOf) {
        List<? extends DomainEventMessage<?>> stream = events.readEvents(caseId.toString(), 0).asStream().toList();
        Region region = stream.isEmpty() ? null : new Region((String) stream.get(0).getMetaData().get(RiskCase.REGION));
        if (region == null || !scope.includes(region)) {
            throw new CaseNotFound(caseId);
        }
        CaseHistory history = new CaseHistory().caseId(caseId.value());
        if (asOf == null) {
            return new Read(region, history.events(stream.stream().map(this::toEvent).toList()));
        }
        return new Read(region, history.asOf(CaseViews.time(asOf))
                .events(stream.stream().filter(e -> !e.getTimestamp().isAfter(asOf)).map(this::toEvent).toList())
                .state(CaseReplay.asOf(stream, asOf).map(CaseViews::toCase).orElse(null)));
    }

    /** The history read, and the region of its case. */
    record Read(Region region, CaseHistory history) {
    }

    private CaseEvent toEvent(DomainEventMessage<?> event) {
        MetaData meta = event.getMetaData();
        return new CaseEvent()
                .sequence(event.getSequenceNumber())
                .type(event.getPayloadType().getSimpleName())
                .occurredAt(CaseViews.time(event.getTimestamp()))
                .actor((String) meta.get(RiskCase.ACTOR))
                .region((String) meta.get(RiskCase.REGION))
                .reason((String) meta.get(RiskCase.REASON))
                .correlationId((String) meta.get("traceId"))
                .causationId((String) meta.get("correlationId"))
                .payload(json.convertValue(event.getPayload(), OBJECT));
    }
}
