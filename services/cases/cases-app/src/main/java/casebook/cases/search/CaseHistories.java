package casebook.cases.search;

import casebook.cases.api.CaseId;
import casebook.cases.api.Region;
import casebook.cases.api.RegionScope;
import casebook.cases.domain.CaseNotFound;
import casebook.cases.domain.RiskCase;
import casebook.cases.web.model.CaseEvent;
import casebook.cases.web.model.CaseHistory;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * A case's full history straight from the event store (not a read model): every event with its type, time,
 * actor, region, reason, correlation and causation ids and payload. Out-of-region cases are not found.
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

    CaseHistory of(CaseId caseId, RegionScope scope) {
        List<? extends DomainEventMessage<?>> stream = events.readEvents(caseId.toString(), 0).asStream().toList();
        if (stream.isEmpty() || !scope.includes(new Region((String) stream.get(0).getMetaData().get(RiskCase.REGION)))) {
            throw new CaseNotFound(caseId);
        }
        return new CaseHistory().caseId(caseId.value()).events(stream.stream().map(this::toEvent).toList());
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
