package casebook.cases.infrastructure.axon;

import casebook.cases.api.Actor;
import casebook.cases.api.ByActor;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

import java.util.function.BiConsumer;

/**
 * An event-sourced repository that keeps recently used aggregates in memory and, each time one is used again, first
 * applies the events appended since it was cached (by another instance of the service, say). A command is therefore
 * always decided on the aggregate's latest committed state, with several instances and no sticky routing; a cache
 * hit costs one indexed query that usually returns nothing, instead of reading and replaying the whole stream.
 * A write that still races another instance fails on the event store's unique key and is rolled back, which also
 * evicts the aggregate (Axon's {@link CachingEventSourcingRepository}).
 * <p>
 * The region wall comes first: when the command being handled is {@link ByActor sent by someone}, the loaded
 * aggregate is checked against the actor's regions before the expected version is compared, so that a case outside
 * them answers like an unknown one (404) whatever version the caller sent, rather than 409 with the case's version
 * (invariant 10, docs/security.md). Then the expected version, if any, must be the case's version: else 409.
 */
final class CatchingUpCache<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStorageEngine storage;
    private final BiConsumer<T, Actor> regionWall;

    CatchingUpCache(EventSourcingRepository.Builder<T> builder, Cache cache, EventStorageEngine storage,
                    BiConsumer<T, Actor> regionWall) {
        super(builder.cache(cache));
        this.cache = cache;
        this.storage = storage;
        this.regionWall = regionWall;
    }

    @Override
    protected void validateOnLoad(Aggregate<T> aggregate, Long expectedVersion) {
        Message<?> handled = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getMessage() : null;
        if (handled != null && handled.getPayload() instanceof ByActor command) {
            // the aggregate here is wrapped (its lock): invoke reaches the root and lets the wall's exception through
            aggregate.invoke(root -> {
                regionWall.accept(root, command.actor());
                return null;
            });
        }
        // at once, rather than Axon's conflict resolution at commit: no handler resolves conflicts, and a stale
        // version then answers 409 before any rule of the command is asked (which could answer 422 instead)
        if (expectedVersion != null && aggregate.version() != null && !expectedVersion.equals(aggregate.version())) {
            throw new ConflictingAggregateVersionException(aggregate.identifierAsString(), expectedVersion,
                    aggregate.version());
        }
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached) {
            Long version = aggregate.version();
            DomainEventStream newer = storage.readEvents(aggregateIdentifier, version == null ? 0 : version + 1);
            if (newer.hasNext()) {
                aggregate.initializeState(newer);
            }
        }
        return aggregate;
    }
}
