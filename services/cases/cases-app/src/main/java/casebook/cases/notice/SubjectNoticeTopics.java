package casebook.cases.notice;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the notices to subjects go ({@code casebook.subject-notices}): statements of reasons and appeal outcomes;
 * api-specs/asyncapi documents the topic.
 */
@Validated
@ConfigurationProperties("casebook.subject-notices")
record SubjectNoticeTopics(@NotBlank String topic, @Min(1) int partitions, @Min(1) short replicas) {
}
