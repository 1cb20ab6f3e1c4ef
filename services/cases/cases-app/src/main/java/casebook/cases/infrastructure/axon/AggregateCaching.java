package casebook.cases.infrastructure.axon;

import casebook.cases.domain.RiskCase;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Risk cases stay in memory between commands (a bounded LRU heap cache, {@code casebook.cases.cached-aggregates}
 * entries), caught up with newer events on each use ({@link CatchingUpCache}): intake of a poll of flags then costs
 * one short query per case instead of reading and replaying each case's events.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class AggregateCaching {

    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    @Bean
    Cache riskCaseCache(CacheManager aggregateCacheManager,
                        @Value("${casebook.cases.cached-aggregates:20000}") long entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("casebook.cases.cached-aggregates must be 1 or more, was " + entries);
        }
        return new EhCache3Adapter((Ehcache<?, ?>) aggregateCacheManager.createCache("riskCases",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(entries))));
    }

    /** The repository named by {@link RiskCase}'s {@code @Aggregate}; snapshots every 100 events as before. */
    @Bean
    EventSourcingRepository<RiskCase> riskCaseRepository(Configuration axon, EventStore eventStore,
                                                         EventStorageEngine storage,
                                                         @Qualifier("riskCaseCache") Cache riskCaseCache,
                                                         SnapshotTriggerDefinition riskCaseSnapshots) {
        EventSourcingRepository.Builder<RiskCase> builder = new EventSourcingRepository.Builder<>(RiskCase.class) {
        };
        builder.eventStore(eventStore)
               .snapshotTriggerDefinition(riskCaseSnapshots)
               .parameterResolverFactory(axon.parameterResolverFactory())
               .handlerDefinition(axon.handlerDefinition(RiskCase.class));
        return new CatchingUpCache<>(builder, riskCaseCache, storage, RiskCase::requireVisibleTo);
    }
}
