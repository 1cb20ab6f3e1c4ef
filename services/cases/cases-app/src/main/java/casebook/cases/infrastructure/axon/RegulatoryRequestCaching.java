package casebook.cases.infrastructure.axon;

import casebook.cases.regulatory.RegulatoryRequest;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * The repository named by {@link RegulatoryRequest}'s {@code @Aggregate}: like the risk cases' ({@link AggregateCaching}),
 * a small cache caught up on each use, the caller checked first (only legal sees a request: anyone else gets the 404
 * of an unknown id whatever version they send), then the expected version (409). Requests are few and short: no
 * snapshots.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class RegulatoryRequestCaching {
    private static final long CACHED_REQUESTS = 1_000;

    @Bean
    Cache regulatoryRequestCache(CacheManager aggregateCacheManager) {
        return new EhCache3Adapter((Ehcache<?, ?>) aggregateCacheManager.createCache("regulatoryRequests",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(CACHED_REQUESTS))));
    }

    @Bean
    EventSourcingRepository<RegulatoryRequest> regulatoryRequestRepository(
            Configuration axon, EventStore eventStore, EventStorageEngine storage,
            @Qualifier("regulatoryRequestCache") Cache regulatoryRequestCache) {
        EventSourcingRepository.Builder<RegulatoryRequest> builder =
                new EventSourcingRepository.Builder<>(RegulatoryRequest.class) {
                };
        builder.eventStore(eventStore)
               .parameterResolverFactory(axon.parameterResolverFactory())
               .handlerDefinition(axon.handlerDefinition(RegulatoryRequest.class));
        return new CatchingUpCache<>(builder, regulatoryRequestCache, storage, RegulatoryRequest::requireVisibleTo);
    }
}
