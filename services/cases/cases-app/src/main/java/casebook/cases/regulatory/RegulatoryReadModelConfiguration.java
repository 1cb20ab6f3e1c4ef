package casebook.cases.regulatory;

import casebook.cases.infrastructure.axon.WriteModelTables;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The regulatory requests' read model is written by a subscribing processor, in the thread and transaction of the
 * command (docs/adr/0017), and a failure of it fails the command (Axon's default would log it and carry on, leaving the
 * table behind the event store).
 */
@Configuration(proxyBeanMethods = false)
class RegulatoryReadModelConfiguration {

    @Bean
    ConfigurerModule regulatoryRequestsInTheCommandsTransaction() {
        return WriteModelTables.processor(RegulatoryRequestProjection.PROCESSING_GROUP);
    }

    /**
     * Approved disclosures are recorded on their cases by a streaming processor of its own (docs/adr/0020), from the
     * event store's beginning, one event at a time; a failure is retried with Axon's back-off, never skipped.
     */
    @Bean
    ConfigurerModule disclosuresRecordedOnTheirCases() {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(DisclosureRecording.PROCESSING_GROUP, org.axonframework.config.Configuration::eventStore,
                        (config, processor) -> processor.batchSize(1).initialSegmentCount(1)
                                .initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(DisclosureRecording.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(DisclosureRecording.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}
