package casebook.projections.casesearch;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * How Axon runs the projection: a pooled streaming processor over the event store that starts at the beginning of
 * history (so a fresh index is filled), handles events in batches, and retries a failed batch (with Axon's back-off)
 * instead of skipping it. Also makes sure the index exists before the processor starts.
 */
final class CaseSearchProcessing implements ConfigurerModule {

    private final CaseIndex index;
    private final int batchSize;
    private final int segments;

    CaseSearchProcessing(CaseIndex index, int batchSize, int segments) {
        this.index = index;
        this.batchSize = batchSize;
        this.segments = segments;
    }

    @Override
    public void configureModule(Configurer configurer) {
        String group = CaseSearchProjection.PROCESSING_GROUP;
        configurer.eventProcessing()
                  .registerPooledStreamingEventProcessor(
                          group, Configuration::eventStore,
                          (config, processor) -> processor.batchSize(batchSize)
                                                          .initialSegmentCount(segments)
                                                          .initialToken(StreamableMessageSource::createTailToken))
                  .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance())
                  .registerErrorHandler(group, config -> PropagatingErrorHandler.instance());
        configurer.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS, index::ensureExists);
    }
}
