package casebook.cases.flag;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where flags arrive and where unreadable ones go ({@code casebook.flags}); api-specs/asyncapi documents both. */
@Validated
@ConfigurationProperties("casebook.flags")
record FlagTopics(@NotBlank String topic, @NotBlank String deadLetterTopic, @Min(1) int partitions,
                  @Min(1) short replicas, @Min(1) int consumers) {
}
