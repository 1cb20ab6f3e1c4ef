package casebook.cases.appeal;

import casebook.cases.infrastructure.kafka.DeadLetters;
import casebook.cases.infrastructure.kafka.TopicRetention;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The appeal topics exist before the listener starts (created if missing); appeals Casebook cannot take go to the
 * appeals' dead-letter topic (the service's error handler: infrastructure/kafka, docs/adr/0012).
 */
@Configuration(proxyBeanMethods = false)
class AppealKafkaConfiguration {

    @Bean
    DeadLetters.Route appealDeadLetters(AppealTopics topics) {
        return new DeadLetters.Route(topics.topic(), topics.deadLetterTopic());
    }

    @Bean
    NewTopic appealTopic(AppealTopics topics, TopicRetention retention) {
        return TopicBuilder.name(topics.topic()).partitions(topics.partitions()).replicas(topics.replicas())
                .config(retention.key(), retention.records()).build();
    }

    @Bean
    NewTopic appealDeadLetterTopic(AppealTopics topics, TopicRetention retention) {
        return TopicBuilder.name(topics.deadLetterTopic()).partitions(1).replicas(topics.replicas())
                .config(retention.key(), retention.deadLetters()).build();
    }
}
