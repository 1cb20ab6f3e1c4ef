package casebook.cases.hold;

import casebook.cases.infrastructure.axon.WriteModelTables;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;

/**
 * The hold table follows the hold events in their transaction; the automatic holds follow the request and case
 * events in a streaming processor of their own, from the beginning of the event store, one segment (stored order), one
 * event per batch; a failure is retried with Axon's back-off, never skipped (docs/adr/0019).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class LegalHoldConfiguration {

    @Bean
    ConfigurerModule legalHoldTableProcessing() {
        return WriteModelTables.processor(LegalHoldTable.PROCESSING_GROUP);
    }

    @Bean
    ConfigurerModule automaticHoldsProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(AutomaticHolds.PROCESSING_GROUP, Configuration::eventStore,
                        (config, processor) -> processor.batchSize(1).initialSegmentCount(1)
                                .initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(AutomaticHolds.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(AutomaticHolds.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}
