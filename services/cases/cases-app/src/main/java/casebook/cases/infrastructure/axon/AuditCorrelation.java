package casebook.cases.infrastructure.axon;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Invariant 9 in one place: what a command or a deadline causes carries its actor and reason, its correlation id
 * ({@code traceId}) and its own id as causation ({@code correlationId}, Axon's names). Events handled by event
 * processors cause nothing in the write model, so nothing is taken from them: Axon asks the providers for every event
 * a processor handles, and reading an event's metadata only to throw the answer away was over 40% of the search
 * projection's work (docs/benchmarks.md).
 */
final class AuditCorrelation implements CorrelationDataProvider {
    private final CorrelationDataProvider audit = new SimpleCorrelationDataProvider(AxonConfiguration.ACTOR,
            AxonConfiguration.REASON);
    private final CorrelationDataProvider origin = new MessageOriginProvider();

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (message instanceof EventMessage<?> && !(message instanceof DeadlineMessage<?>)) {
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>(audit.correlationDataFor(message));
        data.putAll(origin.correlationDataFor(message));
        return data;
    }
}
