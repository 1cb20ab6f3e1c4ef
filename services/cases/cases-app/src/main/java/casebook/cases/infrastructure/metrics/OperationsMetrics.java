package casebook.cases.infrastructure.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * What operations watch on the actuator ({@code /actuator/prometheus}, admin role), cheap enough for every message:
 * {@code casebook.commands} (handled commands by type and outcome) and {@code casebook.processor.lag} (events each
 * event processor, e.g. the search projection or a publisher, still has to handle). Dead letters are counted where
 * they are written ({@code casebook.dead.letters}).
 */
@Component
class OperationsMetrics implements MessageHandlerInterceptor<Message<?>> {
    private final MeterRegistry registry;
    private final EventProcessingConfiguration processing;
    private final EventStore events;

    OperationsMetrics(MeterRegistry registry, EventProcessingConfiguration processing, EventStore events) {
        this.registry = registry;
        this.processing = processing;
        this.events = events;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!(unitOfWork.getMessage() instanceof CommandMessage<?> command)) {
            return chain.proceed();
        }
        String outcome = "failure";
        try {
            Object result = chain.proceed();
            outcome = "success";
            return result;
        } finally {
            registry.counter("casebook.commands", "command", command.getPayloadType().getSimpleName(),
                    "outcome", outcome).increment();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerProcessorLag() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("casebook.processor.lag", streaming, this::lag)
                        .tag("processor", name)
                        .description("events in the event store this processor has not handled yet")
                        .register(registry);
            }
        });
    }

    /** The head of the event store minus the least advanced segment's position (0 when all caught up). */
    private double lag(StreamingEventProcessor processor) {
        TrackingToken head = events.createHeadToken();
        OptionalLong headPosition = head == null ? OptionalLong.empty() : head.position();
        long slowest = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1))
                .min().orElse(headPosition.orElse(0));
        return Math.max(0, headPosition.orElse(0) - slowest);
    }
}
