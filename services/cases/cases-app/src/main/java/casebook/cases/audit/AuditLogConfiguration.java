package casebook.cases.audit;

import casebook.audit.tlog.NoteSigner;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/** The log's signing key (read at start: a missing or wrong key stops the service) and its checkpoint topic. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class AuditLogConfiguration {

    @Bean
    NoteSigner auditLogSigner(AuditLogProperties properties) {
        return LogSigningKey.load(properties);
    }

    /** Checkpoints are kept for ever: they hold no personal data, and witnesses may start reading at any time. */
    @Bean
    NewTopic checkpointTopic(AuditLogProperties properties) {
        return TopicBuilder.name(properties.checkpointTopic()).partitions(1).replicas(1)
                .config("retention.ms", "-1").build();
    }
}
