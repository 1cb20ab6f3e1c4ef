package casebook.cases.infrastructure.kafka;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * When a consumed partition counts as stalled ({@code casebook.kafka.progress}): it has lag and its group's committed
 * offset has not moved for {@code stallAfter}; the committed offsets are read every {@code checkEvery}.
 */
@Validated
@ConfigurationProperties("casebook.kafka.progress")
record ConsumerProgressProperties(@NotNull Duration stallAfter, @NotNull Duration checkEvery) {
}
