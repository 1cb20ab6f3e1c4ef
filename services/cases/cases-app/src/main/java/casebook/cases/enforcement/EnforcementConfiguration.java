package casebook.cases.enforcement;

import casebook.cases.infrastructure.axon.Publishers;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/** The enforcement topics exist before anything is published or read; the publisher runs as every publisher does. */
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
        return Publishers.processor(EnforcementPublisher.PROCESSING_GROUP);
    }
}
