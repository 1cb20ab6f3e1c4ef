package casebook.projections.casesearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The case search read model for a Spring application with Axon: needs an {@link ElasticsearchClient} (Spring Boot
 * makes one from {@code spring.elasticsearch.uris}) and Axon's {@link EventStore}. Found by component scanning of
 * {@code casebook}, or imported.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseSearchProperties.class)
public class CaseSearchConfiguration {

    @Bean
    CaseIndex caseIndex(ElasticsearchClient elasticsearch, CaseSearchProperties properties) {
        return new CaseIndex(elasticsearch, properties.alias(), Clock.systemUTC());
    }

    @Bean
    ConfigurerModule caseSearchProcessing(CaseIndex caseIndex, CaseSearchProperties properties) {
        return new CaseSearchProcessing(caseIndex, properties.batchSize(), properties.segments());
    }

    @Bean
    CaseSearchProjection caseSearchProjection(CaseIndex caseIndex) {
        return new CaseSearchProjection(caseIndex);
    }

    @Bean
    CaseSearchQueries caseSearchQueries(CaseIndex caseIndex, EventStore eventStore) {
        return new CaseSearchQueries(caseIndex, eventStore);
    }

    @Bean
    CaseMetricsQueries caseMetricsQueries(CaseIndex caseIndex) {
        return new CaseMetricsQueries(caseIndex);
    }

    @Bean
    CaseSearchRebuild caseSearchRebuild(CaseIndex caseIndex, EventStore eventStore) {
        return new CaseSearchRebuild(caseIndex, eventStore, Clock.systemUTC());
    }
}
