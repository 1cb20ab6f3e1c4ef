package casebook.cases.flag;

import casebook.cases.infrastructure.axon.WriteModelTables;
import casebook.cases.infrastructure.kafka.DeadLetters;
import casebook.cases.infrastructure.kafka.TopicRetention;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The flag topics exist before the listener starts (created if missing, with the configured partitions); refused
 * flags go to the flags' dead-letter topic (the service's error handler: infrastructure/kafka, docs/adr/0012); the
 * subject slots follow the case events in their transaction.
 */
@Configuration(proxyBeanMethods = false)
class FlagKafkaConfiguration {

    @Bean
    DeadLetters.Route flagDeadLetters(FlagTopics topics) {
        return new DeadLetters.Route(topics.topic(), topics.deadLetterTopic());
    }

    /** The subject slots change in the transaction of the case's events (docs/adr/0016). */
    @Bean
    ConfigurerModule caseSlotsProcessing() {
        return WriteModelTables.processor(CaseSlots.PROCESSING_GROUP);
    }

    @Bean
    NewTopic flagTopic(FlagTopics topics, TopicRetention retention) {
        return TopicBuilder.name(topics.topic()).partitions(topics.partitions()).replicas(topics.replicas())
                .config(retention.key(), retention.records()).build();
    }

    @Bean
    NewTopic flagDeadLetterTopic(FlagTopics topics, TopicRetention retention) {
        return TopicBuilder.name(topics.deadLetterTopic()).partitions(1).replicas(topics.replicas())
                .config(retention.key(), retention.deadLetters()).build();
    }
}
