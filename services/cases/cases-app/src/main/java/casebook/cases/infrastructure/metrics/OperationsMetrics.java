package casebook.cases.infrastructure.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
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
    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final String storedTokens;

    OperationsMetrics(MeterRegistry registry, EventProcessingConfiguration processing, EventStore events,
                      JdbcTemplate jdbc, TokenSchema tokens, Serializer tokenSerializer) {
        this.registry = registry;
        this.processing = processing;
        this.events = events;
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.storedTokens = "SELECT %s, %s FROM %s WHERE %s = ?".formatted(tokens.tokenColumn(), tokens.tokenTypeColumn(),
                tokens.tokenTable(), tokens.processorNameColumn());
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
            if (processor instanceof StreamingEventProcessor) {
                Gauge.builder("casebook.processor.lag", () -> lag(name))
                        .tag("processor", name)
                        .description("events in the event store this processor has not handled yet")
                        .register(registry);
            }
        });
    }

    /**
     * The head of the event store minus the least advanced segment's stored position (0 when all caught up). Read
     * from the token store, not from this instance's threads: whichever instance holds a segment, and when none
     * does (a processor shut down on every instance), the lag is the same and keeps growing.
     */
    private double lag(String processor) {
        TrackingToken head = events.createHeadToken();
        long headPosition = head == null ? 0 : head.position().orElse(0);
        List<OptionalLong> positions = jdbc.query(storedTokens, (row, i) -> position(row.getBytes(1), row.getString(2)),
                processor);
        long slowest = positions.stream().mapToLong(position -> position.orElse(-1)).min().orElse(headPosition);
        return Math.max(0, headPosition - slowest);
    }

    /** A segment without a token has handled nothing yet. */
    private OptionalLong position(byte[] token, String type) {
        if (token == null) {
            return OptionalLong.empty();
        }
        TrackingToken stored = tokenSerializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return stored.position();
    }
}
