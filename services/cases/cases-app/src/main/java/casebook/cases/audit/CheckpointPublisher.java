package casebook.cases.audit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * Hands each new checkpoint to outsiders: a record on the checkpoint topic (key: the log's origin, value: the signed
 * note) and, where a directory is configured, the files {@code <size>.checkpoint} and {@code latest.checkpoint} a
 * witness or a web server can pick up. A failure is logged and retried with the next checkpoint: the checkpoint
 * itself is already stored.
 */
@Component
class CheckpointPublisher {
    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);
    private final KafkaTemplate<String, byte[]> kafka;
    private final AuditLogProperties properties;
    private long lastPublished = -1;

    CheckpointPublisher(KafkaTemplate<String, byte[]> kafka, AuditLogProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    synchronized void publish(AuditLog.Issued checkpoint) {
        if (checkpoint.size() == lastPublished) {
            return;
        }
        try {
            kafka.send(new ProducerRecord<>(properties.checkpointTopic(), properties.origin(),
                    checkpoint.signedNote().getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
            writeFiles(checkpoint);
            lastPublished = checkpoint.size();
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("checkpoint of size {} not published yet: {}", checkpoint.size(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeFiles(AuditLog.Issued checkpoint) throws IOException {
        Path directory = properties.checkpointDirectory();
        if (directory == null) {
            return;
        }
        Files.createDirectories(directory);
        Path draft = Files.createTempFile(directory, ".checkpoint", ".tmp");
        Files.writeString(draft, checkpoint.signedNote(), StandardCharsets.UTF_8);
        Files.copy(draft, directory.resolve(checkpoint.size() + ".checkpoint"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(draft, directory.resolve("latest.checkpoint"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
