package casebook.cases.feedback;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where the labels for model owners go ({@code casebook.model-feedback}); api-specs/asyncapi documents the topic. */
@Validated
@ConfigurationProperties("casebook.model-feedback")
record ModelFeedbackTopics(@NotBlank String topic, @Min(1) int partitions, @Min(1) short replicas) {
}
