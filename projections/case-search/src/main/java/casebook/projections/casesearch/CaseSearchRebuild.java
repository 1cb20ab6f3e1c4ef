package casebook.projections.casesearch;

import casebook.projections.casesearch.RebuildProgress.State;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the case search index from the event store alone, into a fresh index that then takes over the alias.
 * <ol>
 *   <li>create a new concrete index;</li>
 *   <li>replay every case event of the event store into it, up to the head as of the start;</li>
 *   <li>block writes to the index behind the alias: from now on the live projection's batches fail and are retried
 *       (in every instance), so nothing more lands in the old index;</li>
 *   <li>keep replaying up to the head as of after the block: everything the old index ever received is now in the
 *       new one, and nothing else writes to the new one yet;</li>
 *   <li>in one request, point the alias at the new index and delete the old one. The live projection's retries
 *       then write to the new index, where external versions skip what the rebuild already applied.</li>
 * </ol>
 * When the alias is missing (the index was deleted) the same steps recreate it. On failure the old index is
 * unblocked, the new one deleted, and the alias is left as it was. One rebuild at a time per instance; a rebuild
 * running in another instance at the same moment makes one of the two fail at the swap.
 */
public class CaseSearchRebuild implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CaseSearchRebuild.class);
    private static final int BATCH_SIZE = 1_000;
    /** How often the position read is shown in {@link #progress()}, counted in events read. */
    private static final int PROGRESS_EVERY = 1_000;

    private final CaseIndex index;
    private final EventStore events;
    private final Clock clock;
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.NONE);
    private volatile Thread worker;

    CaseSearchRebuild(CaseIndex index, EventStore events, Clock clock) {
        this.index = index;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates the new index and replays into it in the background; see {@link #progress()}.
     *
     * @throws RebuildAlreadyRunning when this instance is rebuilding already
     */
    public RebuildStarted start() {
        RebuildProgress before = progress.get();
        RebuildProgress starting = RebuildProgress.starting(clock.instant());
        if (before.running() || !progress.compareAndSet(before, starting)) {
            throw new RebuildAlreadyRunning(before);
        }
        String target;
        try {
            target = index.createConcrete();
        } catch (RuntimeException e) {
            progress.set(starting.finished(clock.instant(), e.toString()));
            throw e;
        }
        progress.set(starting.into(target));
        log.info("Case search rebuild into {} started", target);
        worker = new Thread(() -> rebuild(target), "case-search-rebuild");
        worker.setDaemon(true);
        worker.start();
        return new RebuildStarted(CaseSearchProjection.PROCESSING_GROUP, target, starting.startedAt());
    }

    /** The name of the projection this rebuilds. */
    public String projection() {
        return CaseSearchProjection.PROCESSING_GROUP;
    }

    public RebuildProgress progress() {
        return progress.get();
    }

    /**
     * Stops a running rebuild (on shutdown) the way a failed one stops: the old index writable again, the alias
     * where it was, the new index deleted.
     */
    @Override
    public void close() throws InterruptedException {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
            running.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private void rebuild(String target) {
        List<String> previous = List.of();
        String failure = "stopped unexpectedly";
        boolean interrupted = false;
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            CaseBatch batch = new CaseBatch(index.client(), target, false,
                    new RecentCaseDocuments(RecentCaseDocuments.CAPACITY));
            long reached = replay(stream, batch, events.createHeadToken(), -1);
            previous = index.indicesBehindAlias();
            index.blockWrites(previous, true);
            progress.updateAndGet(p -> p.in(State.CATCHING_UP));
            replay(stream, batch, events.createHeadToken(), reached);
            index.swapTo(target, previous);
            failure = null;
            log.info("Case search rebuild into {} finished: {} case events applied, alias {} moved from {}",
                     target, progress.get().eventsApplied(), index.alias(), previous);
        } catch (Exception e) {
            // clear the interrupt (a stop) so that the clean-up requests can still run
            interrupted = Thread.interrupted() || e instanceof InterruptedException;
            failure = e.toString();
            log.error("Case search rebuild into {} failed after {} case events; alias {} not moved", target,
                      progress.get().eventsApplied(), index.alias(), e);
            index.blockWrites(previous, false);
            index.delete(target);
        } finally {
            worker = null;
            String why = failure;
            progress.updateAndGet(p -> p.finished(clock.instant(), why));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Applies the stream's case events up to the position of {@code head}; answers the position reached. */
    private long replay(BlockingStream<TrackedEventMessage<?>> stream, CaseBatch batch, TrackingToken head,
                        long reached) throws InterruptedException {
        long until = head == null ? -1 : head.position().orElseThrow();
        progress.updateAndGet(p -> p.towards(Math.max(until, 0)));
        long applied = progress.get().eventsApplied();
        long read = 0;
        while (reached < until) {
            if (Thread.interrupted()) {
                throw new InterruptedException("case search rebuild stopped");
            }
            if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                continue;
            }
            TrackedEventMessage<?> event = stream.nextAvailable();
            reached = event.trackingToken().position().orElse(reached);
            if (event instanceof DomainEventMessage<?> caseEvent && CaseDocument.EVENTS.contains(event.getPayloadType())) {
                batch.add(caseEvent);
                applied++;
                if (batch.size() >= BATCH_SIZE) {
                    batch.flush();
                    long total = applied;
                    progress.updateAndGet(p -> p.applied(total, p.position()));
                }
            }
            if (++read % PROGRESS_EVERY == 0) {
                long position = reached;
                progress.updateAndGet(p -> p.applied(p.eventsApplied(), position));
            }
        }
        batch.flush();
        long total = applied;
        long position = Math.max(reached, 0);
        progress.updateAndGet(p -> p.applied(total, position));
        return reached;
    }
}
