package casebook.cases.infrastructure.axon;

import casebook.cases.api.CaseOpened;
import casebook.cases.api.PriorityRaised;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Set;

/**
 * Revision 1 of {@link CaseOpened} and {@link PriorityRaised} had no {@code decisionDueAt}; revision 2 always has it.
 * A revision 1 event becomes revision 2 with the {@code decisionDueAt} it was stored with (events written between
 * the field's arrival and its revision have one) or {@code null}, "no decision deadline was set then": the case
 * gets one only when a later event sets it, as before (docs/events.md). Nothing else changes.
 */
class DecisionDeadlineUpcaster extends SingleEventUpcaster {
    static final String FIELD = "decisionDueAt";
    private static final Set<SerializedType> REVISION_1 = Set.of(
            new SimpleSerializedType(CaseOpened.class.getName(), "1"),
            new SimpleSerializedType(PriorityRaised.class.getName(), "1"));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.contains(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"),
                JsonNode.class, payload -> {
                    if (payload instanceof ObjectNode event && !event.has(FIELD)) event.putNull(FIELD);
                    return payload;
                });
    }
}
