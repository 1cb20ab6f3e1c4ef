package casebook.cases.infrastructure.axon;

import casebook.cases.api.json.IsoInstants;
import casebook.cases.erasure.CaseKeys;
import casebook.cases.erasure.PersonalDataModule;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.util.concurrent.TimeUnit;

/**
 * Axon on PostgreSQL without Axon Server: JDBC event store and token store in tables created by Flyway
 * (snake_case names), duplicate keys recognised as concurrency conflicts, audit metadata carried from
 * commands to every event.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class AxonConfiguration {
    static final String ACTOR = casebook.cases.domain.RiskCase.ACTOR;
    static final String REASON = casebook.cases.domain.RiskCase.REASON;

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index").timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier").aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number").typeColumn("type")
                .payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision")
                .payloadColumn("payload").metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry").setProcessorNameColumn("processor_name").setSegmentColumn("segment")
                .setTokenColumn("token").setTokenTypeColumn("token_type").setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * The JSON of stored events and messages, fixed here and kept apart from the web's mapper so that a change to
     * the REST API's JSON settings can never change how events are written or read. Tolerant reader: unknown
     * fields are ignored (new fields are additive), instants are ISO-8601 strings (written and read by
     * {@link IsoInstants}, the same text as Jackson's own, at a fraction of its cost).
     */
    static ObjectMapper eventJson() {
        return JsonMapper.builder()
                .findAndAddModules()
                .addModule(new IsoInstants())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /** Axon's mapper (events, snapshots, tokens, deadlines); personal fields of events are encrypted (docs/adr/0018). */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper(CaseKeys personalDataKeys) {
        return eventJson().registerModule(new PersonalDataModule(personalDataKeys));
    }

    /** Spring Boot's own mapper for the web and Kafka payloads; declared because the one above would displace it. */
    @Bean
    @Primary
    ObjectMapper jacksonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.createXmlMapper(false).build();
    }

    /** pgjdbc's unique violation (23505) means "someone else appended first": a concurrency conflict. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /** Declared here because declaring the event store switches off Axon's auto-configured engine. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver exceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /** The embedded store polls for other instances' events every 250 ms (default 1 s) to keep search fresh. */
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(250).timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    /**
     * Stored events are never rewritten: older revisions are read through upcasters, which Axon's Spring Boot
     * configuration puts in {@code configuration.upcasterChain()}, the chain of the storage engine above.
     */
    @Bean
    DecisionDeadlineUpcaster decisionDeadlineUpcaster() {
        return new DecisionDeadlineUpcaster();
    }

    @Bean
    SnapshotTriggerDefinition riskCaseSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }

    /** Invariant 9: actor, reason and correlation travel from each command or deadline to the events it causes. */
    @Bean
    CorrelationDataProvider auditCorrelation() {
        return new AuditCorrelation();
    }
}
