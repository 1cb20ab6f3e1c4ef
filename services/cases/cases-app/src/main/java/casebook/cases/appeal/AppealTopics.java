package casebook.cases.appeal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the seller/creator centre's appeals arrive and where those Casebook cannot take go
 * ({@code casebook.appeal-intake}); api-specs/asyncapi documents both.
 */
@Validated
@ConfigurationProperties("casebook.appeal-intake")
record AppealTopics(@NotBlank String topic, @NotBlank String deadLetterTopic, @Min(1) int partitions,
                    @Min(1) short replicas, @Min(1) int consumers) {
}
