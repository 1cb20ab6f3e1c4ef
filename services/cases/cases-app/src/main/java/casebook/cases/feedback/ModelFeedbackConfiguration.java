package casebook.cases.feedback;

import casebook.cases.infrastructure.axon.Publishers;
import casebook.cases.infrastructure.kafka.ParkedPublications;
import casebook.cases.infrastructure.kafka.TopicRetention;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/** The model-feedback topic exists before anything is published; the publisher runs as every publisher does. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ModelFeedbackConfiguration {

    @Bean
    NewTopic modelFeedbackTopic(ModelFeedbackTopics topics, TopicRetention retention) {
        return TopicBuilder.name(topics.topic()).partitions(topics.partitions()).replicas(topics.replicas())
                .config(retention.key(), retention.records()).build();
    }

    @Bean
    ConfigurerModule modelFeedbackPublishing(ParkedPublications parked) {
        return Publishers.processor(ModelFeedbackPublisher.PROCESSING_GROUP, parked);
    }
}
