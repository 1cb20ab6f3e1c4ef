package casebook.cases.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the log: seals every {@code casebook.audit.seal-every}, issues and publishes a checkpoint every
 * {@code checkpoint-every} when the log grew. One thread per instance; the advisory lock in {@link AuditLog} lets one
 * instance write at a time. A failing pass is logged and tried again at the next tick.
 */
@Component
class AuditLogSchedule implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AuditLogSchedule.class);
    private final AuditLog auditLog;
    private final CheckpointPublisher publisher;
    private final AuditLogProperties properties;
    private ScheduledExecutorService executor;

    AuditLogSchedule(AuditLog auditLog, CheckpointPublisher publisher, AuditLogProperties properties) {
        this.auditLog = auditLog;
        this.publisher = publisher;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-log");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::seal, properties.sealEvery().toMillis(),
                properties.sealEvery().toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::checkpoint, properties.checkpointEvery().toMillis(),
                properties.checkpointEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void seal() {
        try {
            while (auditLog.sealPending() == properties.sealBatch()) {
                // keep going while full batches come
            }
        } catch (RuntimeException e) {
            log.warn("sealing the audit log failed, retrying: {}", e.toString());
        }
    }

    private void checkpoint() {
        try {
            publisher.publish(auditLog.scheduledCheckpoint());
        } catch (RuntimeException e) {
            log.warn("issuing a checkpoint failed, retrying: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
