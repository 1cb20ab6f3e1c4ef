package casebook.cases.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The tamper-evident log ({@code casebook.audit}, docs/adr/0023): its origin (the checkpoints' first line and the key
 * name), the signing key file (Go's {@code PRIVATE+KEY+<name>+<id>+<key>} form; created on first start only where
 * {@code generateKeyIfMissing}, a developer's machine), how often the sealer runs and how many events it seals at once,
 * how long a gap in the event store's global index may stay open before the sealer passes it (a rolled-back insert
 * burns its number), how often a checkpoint is issued when the log grew, and where checkpoints are also written as
 * files and published on Kafka.
 */
@ConfigurationProperties("casebook.audit")
public record AuditLogProperties(String origin, Path signingKeyFile, boolean generateKeyIfMissing,
                                 Duration sealEvery, int sealBatch, Duration gapTimeout, Duration checkpointEvery,
                                 Path checkpointDirectory, String checkpointTopic) {
    public AuditLogProperties {
        origin = origin == null ? "casebook.local/events" : origin;
        if (origin.isBlank() || origin.chars().anyMatch(c -> c <= 0x20 || c == '+')) {
            throw new IllegalArgumentException("casebook.audit.origin is one word without spaces or '+': " + origin);
        }
        if (signingKeyFile == null) {
            throw new IllegalArgumentException("casebook.audit.signing-key-file is required (docs/adr/0023)");
        }
        sealEvery = positive(sealEvery, Duration.ofSeconds(1), "seal-every");
        sealBatch = sealBatch <= 0 ? 1_000 : sealBatch;
        gapTimeout = positive(gapTimeout, Duration.ofSeconds(30), "gap-timeout");
        checkpointEvery = positive(checkpointEvery, Duration.ofMinutes(1), "checkpoint-every");
        checkpointTopic = checkpointTopic == null ? "casebook.checkpoints.v1" : checkpointTopic;
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("casebook.audit." + name + " must be positive, was " + value);
        }
        return value;
    }
}
