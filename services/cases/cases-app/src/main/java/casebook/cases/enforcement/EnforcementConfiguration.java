package casebook.cases.enforcement;

import casebook.cases.infrastructure.axon.Publishers;
import casebook.cases.infrastructure.kafka.ParkedPublications;
import casebook.cases.infrastructure.kafka.DeadLetters;
import casebook.cases.infrastructure.kafka.TopicRetention;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/** The enforcement topics exist before anything is published or read; the publisher runs as every publisher does. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class EnforcementConfiguration {

    @Bean
    NewTopic enforcementTopic(EnforcementTopics topics, TopicRetention retention) {
        return TopicBuilder.name(topics.topic()).partitions(topics.partitions()).replicas(topics.replicas())
                .config(retention.key(), retention.records()).build();
    }

    @Bean
    NewTopic enforcementResultsTopic(EnforcementTopics topics, TopicRetention retention) {
        return TopicBuilder.name(topics.resultsTopic()).partitions(topics.partitions()).replicas(topics.replicas())
                .config(retention.key(), retention.records()).build();
    }

    @Bean
    NewTopic enforcementResultsDeadLetterTopic(EnforcementTopics topics, TopicRetention retention) {
        return TopicBuilder.name(topics.resultsDeadLetterTopic()).partitions(1).replicas(topics.replicas())
                .config(retention.key(), retention.deadLetters()).build();
    }

    @Bean
    DeadLetters.Route enforcementResultDeadLetters(EnforcementTopics topics) {
        return new DeadLetters.Route(topics.resultsTopic(), topics.resultsDeadLetterTopic());
    }

    @Bean
    ConfigurerModule enforcementPublishing(ParkedPublications parked) {
        return Publishers.processor(EnforcementPublisher.PROCESSING_GROUP, parked);
    }
}
