package casebook.cases.enforcement;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where decided enforcement actions go, where their results come back and where unusable results are set aside
 * ({@code casebook.enforcement}); api-specs/asyncapi documents the topics.
 */
@Validated
@ConfigurationProperties("casebook.enforcement")
record EnforcementTopics(@NotBlank String topic, @NotBlank String resultsTopic, @NotBlank String resultsDeadLetterTopic,
                         @Min(1) int partitions, @Min(1) short replicas) {
}
