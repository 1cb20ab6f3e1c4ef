package casebook.projections.casesearch;

import casebook.cases.api.CasePage;
import casebook.cases.api.CaseView;
import casebook.cases.api.FindCase;
import casebook.cases.api.FindCases;
import casebook.cases.api.Priority;
import casebook.cases.api.Region;
import casebook.cases.api.RegionScope;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import casebook.projections.casesearch.CaseSearchQueriesIT.Criteria;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read model as the cases app gets it: component scanning finds {@link CaseSearchConfiguration}, Spring Boot
 * makes the Elasticsearch client from {@code spring.elasticsearch.uris}, Axon's starter registers the processor,
 * the projection and the query handlers. Only the event storage is in memory here.
 */
@SpringBootTest(classes = CaseSearchConfigurationIT.App.class)
class CaseSearchConfigurationIT {

    static final String ALIAS = "cases-it-" + UUID.randomUUID().toString().substring(0, 8);

    @SpringBootApplication
    static class App {
        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", SearchCluster::httpUrl);
        registry.add("casebook.search.alias", () -> ALIAS);
        registry.add("casebook.search.batch-size", () -> "25");
        registry.add("axon.axonserver.enabled", () -> "false");
        registry.add("axon.serializer.general", () -> "jackson");
        registry.add("axon.serializer.events", () -> "jackson");
    }

    @Autowired EventStore eventStore;
    @Autowired QueryGateway queries;
    @Autowired EventProcessingConfiguration processing;
    @Autowired CaseSearchRebuild rebuild;
    @Autowired CaseIndex index;

    @AfterAll
    static void deleteIndices(@Autowired CaseIndex index) {
        SearchCluster.deleteAll(index);
    }

    @Test
    void theAppGetsTheProjectionOnAPooledProcessorTheQueriesAndTheRebuild() {
        assertThat(index.alias()).isEqualTo(ALIAS);
        assertThat(processing.eventProcessor("case-search", PooledStreamingEventProcessor.class)).isPresent();

        CaseEvents c = CaseEvents.opened("wired-shop", Region.of("SEA"), RiskCategory.SCALPING, Priority.P2,
                                         Instant.parse("2026-11-22T00:00:00Z"))
                                 .flag("wired-1", "0.8", null, new Signals(List.of("dev-wired"), List.of(), List.of(), List.of()));
        eventStore.publish(c.events());

        await().atMost(SearchCluster.PATIENCE).untilAsserted(() -> assertThat(
                queries.query(new FindCase(c.caseId, RegionScope.of(Set.of(Region.of("SEA")))),
                              ResponseTypes.instanceOf(CaseView.class)).join())
                .isEqualTo(c.document().toView()));
        assertThat(queries.query(new FindCase(c.caseId, RegionScope.of(Set.of(Region.of("US")))),
                                 ResponseTypes.instanceOf(CaseView.class)).join()).isNull();

        rebuild.start();
        await().atMost(SearchCluster.PATIENCE).until(() -> rebuild.progress().state() == RebuildProgress.State.SUCCEEDED);
        SearchCluster.refresh(index);
        CasePage page = queries.query(new FindCases(new Criteria().signal("dev-wired").build(), RegionScope.ALL),
                                      ResponseTypes.instanceOf(CasePage.class)).join();
        assertThat(page.items()).containsExactly(c.document().toView());
    }
}
