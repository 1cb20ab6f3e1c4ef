package casebook.projections.casesearch;

import casebook.cases.api.CaseId;
import casebook.cases.api.CasePage;
import casebook.cases.api.CaseView;
import casebook.cases.api.FindCase;
import casebook.cases.api.FindCases;
import casebook.cases.api.RegionScope;
import casebook.projections.casesearch.CaseSearchQueriesIT.Criteria;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.serialization.json.JacksonSerializer;

import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A small Axon application around the case search read model: in-memory event store and token store (the
 * PostgreSQL-backed wiring is covered end to end elsewhere), the projection on its pooled streaming processor as
 * {@link CaseSearchProcessing} configures it, the query handlers behind the query gateway, and the rebuild.
 */
final class AxonCaseSearch implements AutoCloseable {

    final CaseIndex index;
    final Configuration axon;
    final CaseSearchRebuild rebuild;

    AxonCaseSearch(CaseIndex index) {
        this(index, UnaryOperator.identity());
    }

    /** @param rebuildEvents what the rebuild sees of the event store (tests may wrap it to act at given steps) */
    AxonCaseSearch(CaseIndex index, UnaryOperator<EventStore> rebuildEvents) {
        this.index = index;
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        new CaseSearchProcessing(index, 50, 4).configureModule(configurer);
        configurer.eventProcessing().registerEventHandler(c -> new CaseSearchProjection(index));
        configurer.registerQueryHandler(c -> new CaseSearchQueries(index, c.eventStore()));
        axon = configurer.start();
        rebuild = new CaseSearchRebuild(index, rebuildEvents.apply(axon.eventStore()), Clock.systemUTC());
    }

    void publish(CaseEvents... cases) {
        publish(Stream.of(cases).flatMap(c -> c.events().stream()).toList());
    }

    void publish(List<DomainEventMessage<?>> events) {
        axon.eventStore().publish(events);
    }

    CaseView find(CaseId caseId) {
        return axon.queryGateway().query(new FindCase(caseId, RegionScope.ALL), ResponseTypes.instanceOf(CaseView.class))
                   .join();
    }

    /** Every case, first page of 100, after a refresh. */
    CasePage findAll() {
        SearchCluster.refresh(index);
        return axon.queryGateway().query(new FindCases(new Criteria().size(100).build(), RegionScope.ALL),
                                         ResponseTypes.instanceOf(CasePage.class)).join();
    }

    long versionOf(CaseId caseId) {
        CaseView view = find(caseId);
        return view == null ? -1 : view.version();
    }

    PooledStreamingEventProcessor processor() {
        return axon.eventProcessingConfiguration()
                   .eventProcessor(CaseSearchProjection.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                   .orElseThrow();
    }

    EventStore eventStore() {
        return axon.eventStore();
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
