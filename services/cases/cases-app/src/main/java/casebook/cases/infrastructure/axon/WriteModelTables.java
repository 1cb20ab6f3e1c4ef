package casebook.cases.infrastructure.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * How a table that belongs to the write model follows the events (the subject slots, read-your-writes read models):
 * a subscribing processor, so the handler runs in the unit of work and the database transaction that stores the
 * events, and any failure of the handler (a rule it enforces included) rolls the events back with it instead of
 * being logged and skipped. Such handlers never replay: the table is as old as its events.
 */
public final class WriteModelTables {
    private WriteModelTables() {
    }

    public static ConfigurerModule processor(String processingGroup) {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(processingGroup)
                .registerListenerInvocationErrorHandler(processingGroup, config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(processingGroup, config -> PropagatingErrorHandler.instance());
    }
}
