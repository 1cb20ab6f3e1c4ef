package casebook.cases.infrastructure.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * An event-sourced repository that keeps recently used aggregates in memory and, each time one is used again, first
 * applies the events appended since it was cached (by another instance of the service, say). A command is therefore
 * always decided on the aggregate's latest committed state, with several instances and no sticky routing; a cache
 * hit costs one indexed query that usually returns nothing, instead of reading and replaying the whole stream.
 * A write that still races another instance fails on the event store's unique key and is rolled back, which also
 * evicts the aggregate (Axon's {@link CachingEventSourcingRepository}).
 */
final class CatchingUpCache<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStorageEngine storage;

    CatchingUpCache(EventSourcingRepository.Builder<T> builder, Cache cache, EventStorageEngine storage) {
        super(builder.cache(cache));
        this.cache = cache;
        this.storage = storage;
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
