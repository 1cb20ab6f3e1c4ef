package casebook.cases.flag;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/** The flag topics exist before the listener starts (created if missing, with the configured partitions). */
@Configuration(proxyBeanMethods = false)
class FlagKafkaConfiguration {

    /**
     * A poll that cannot be committed (e.g. the database is down) is retried until it can: never skipped,
     * because a skipped poll would be acknowledged flags lost (invariant 11).
     */
    @Bean
    CommonErrorHandler retryUntilCommitted() {
        return new DefaultErrorHandler(new FixedBackOff(1_000L, FixedBackOff.UNLIMITED_ATTEMPTS));
    }

    @Bean
    NewTopic flagTopic(FlagTopics topics) {
        return TopicBuilder.name(topics.topic()).partitions(topics.partitions()).replicas(topics.replicas()).build();
    }

    @Bean
    NewTopic flagDeadLetterTopic(FlagTopics topics) {
        return TopicBuilder.name(topics.deadLetterTopic()).partitions(1).replicas(topics.replicas()).build();
    }
}
