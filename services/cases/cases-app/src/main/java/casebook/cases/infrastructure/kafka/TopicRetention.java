package casebook.cases.infrastructure.kafka;

import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How long the topics the service creates keep their records: they carry subject ids, signals and free text in clear,
 * so their retention bounds how long personal data outlives an erasure there (docs/adr/0018). Set when a topic is
 * created; an existing topic is changed with {@code kafka-configs --alter} (docs/operations.md).
 */
@Component
public class TopicRetention {
    private final String records;
    private final String deadLetters;

    TopicRetention(@Value("${casebook.kafka.retention.records:P7D}") Duration records,
                   @Value("${casebook.kafka.retention.dead-letters:P14D}") Duration deadLetters) {
        this.records = Long.toString(records.toMillis());
        this.deadLetters = Long.toString(deadLetters.toMillis());
    }

    /** The topic setting and value for a topic of records. */
    public String key() {
        return TopicConfig.RETENTION_MS_CONFIG;
    }

    public String records() {
        return records;
    }

    public String deadLetters() {
        return deadLetters;
    }
}
