package casebook.cases.infrastructure.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * How every handler that publishes events to Kafka runs (ADR 9): in a pooled streaming processor of its own over
 * the event store, from its very beginning, one event at a time, retrying a failed publication with Axon's back-off
 * instead of skipping it.
 */
public final class Publishers {
    private Publishers() {
    }

    public static ConfigurerModule processor(String processingGroup) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(processingGroup, Configuration::eventStore,
                        (config, processor) -> processor.batchSize(1).initialSegmentCount(2)
                                .initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(processingGroup, config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(processingGroup, config -> PropagatingErrorHandler.instance());
    }
}
