package casebook.cases.notice;

import casebook.cases.infrastructure.axon.Publishers;
import casebook.cases.infrastructure.kafka.ParkedPublications;
import casebook.cases.infrastructure.kafka.TopicRetention;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;

import org.springframework.kafka.config.TopicBuilder;

/**
 * The subject-notice topic exists before anything is published; its records carry personal data of the subject
 * (to the subject), kept as long as any topic of records (docs/adr/0018, 0022). The appeal-outcome publisher runs as
 * every publisher does.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class SubjectNoticeConfiguration {

    @Bean
    NewTopic subjectNoticeTopic(SubjectNoticeTopics topics, TopicRetention retention) {
        return TopicBuilder.name(topics.topic()).partitions(topics.partitions()).replicas(topics.replicas())
                .config(retention.key(), retention.records()).build();
    }

    @Bean
    ConfigurerModule subjectNoticePublishing(ParkedPublications parked) {
        return Publishers.processor(SubjectNoticePublisher.PROCESSING_GROUP, parked);
    }
}
