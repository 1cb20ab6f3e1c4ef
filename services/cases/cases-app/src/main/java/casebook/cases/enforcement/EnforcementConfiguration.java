package casebook.cases.enforcement;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The enforcement topics exist before anything is published or read, and the publisher runs as a pooled streaming
 * processor over the event store from its very beginning, one event at a time, retrying a failed publication
 * (Axon's back-off) instead of skipping it.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class EnforcementConfiguration {

    @Bean
    NewTopic enforcementTopic(EnforcementTopics topics) {
        return TopicBuilder.name(topics.topic()).partitions(topics.partitions()).replicas(topics.replicas()).build();
    }

    @Bean
    NewTopic enforcementResultsTopic(EnforcementTopics topics) {
        return TopicBuilder.name(topics.resultsTopic()).partitions(topics.partitions()).replicas(topics.replicas()).build();
    }

    @Bean
    NewTopic enforcementResultsDeadLetterTopic(EnforcementTopics topics) {
        return TopicBuilder.name(topics.resultsDeadLetterTopic()).partitions(1).replicas(topics.replicas()).build();
    }

    @Bean
    ConfigurerModule enforcementPublishing() {
        String group = EnforcementPublisher.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(group, Configuration::eventStore,
                        (config, processor) -> processor.batchSize(1).initialSegmentCount(2)
                                .initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(group, config -> PropagatingErrorHandler.instance());
    }
}
