package casebook.cases.infrastructure.axon;

import casebook.cases.infrastructure.kafka.Failures;
import casebook.cases.infrastructure.kafka.ParkedPublications;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * How every handler that publishes events to Kafka runs (ADR 9): in a pooled streaming processor of its own over
 * the event store, from its very beginning, one event at a time. A failure of the infrastructure (Kafka or the
 * database unreachable: {@link Failures#isInfrastructure}) is retried with Axon's back-off instead of being skipped;
 * records that can never be published are parked by {@code Publications}, and any other failure of the handler with
 * an event (its own content) parks the event as well, so that it does not stop every event behind it
 * (docs/adr/0012).
 */
public final class Publishers {
    private Publishers() {
    }

    public static ConfigurerModule processor(String processingGroup, ParkedPublications parked) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(processingGroup, Configuration::eventStore,
                        (config, processor) -> processor.batchSize(1).initialSegmentCount(2)
                                .initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(processingGroup, config -> parkUnlessInfrastructure(
                        processingGroup, parked))
                .registerErrorHandler(processingGroup, config -> PropagatingErrorHandler.instance());
    }

    private static ListenerInvocationErrorHandler parkUnlessInfrastructure(String processingGroup,
                                                                           ParkedPublications parked) {
        return (failure, event, handler) -> {
            if (Failures.isInfrastructure(failure)) {
                throw failure;
            }
            parked.park(new ParkedPublications.Parked(processingGroup, "(not built)", null, -1, event,
                    "handler-failed", Failures.describe(failure), null));
        };
    }
}
