package casebook.cases.sla;

import casebook.cases.Histories;
import casebook.cases.Actors;
import casebook.cases.CasesApplication;
import casebook.cases.api.CaseEscalated;
import casebook.cases.api.CaseId;
import casebook.cases.api.PriorityRaised;
import casebook.cases.api.SlaBreached;
import casebook.cases.api.SlaStage;
import casebook.devstack.DevStack;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SLA deadlines survive a restart: a case is opened by one run of the service, which stops before the deadline;
 * while nothing runs the deadline is a row in PostgreSQL; the next run records the breach. A database of its own,
 * so that no other running service of the test JVM can fire the deadline in between.
 */
class SlaDeadlineIT {
    static final Duration TIME_TO_ASSIGN = Duration.ofSeconds(20);

    @Test
    void aDeadlineScheduledBeforeARestartIsBreachedAfterIt() {
        CaseId caseId;
        try (ConfigurableApplicationContext first = start()) {
            caseId = Actors.raise(first.getBean(CommandGateway.class), Actors.newSellerFlag("0.9")).caseId();
        }

        JdbcClient database = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                properties().get("spring.datasource.url"), properties().get("spring.datasource.username"),
                properties().get("spring.datasource.password")));
        // the case's SLA deadline; the retention schedule's recurring task is the other row (not a deadline)
        assertThat(database.sql("SELECT count(*) FROM scheduled_tasks WHERE execution_time > now()"
                        + " AND task_name <> 'casebook-retention'")
                .query(Long.class).single()).as("the deadline waits while no service runs").isEqualTo(1);

        try (ConfigurableApplicationContext second = start()) {
            EventStore events = second.getBean(EventStore.class);
            List<DomainEventMessage<?>> history = await().atMost(TIME_TO_ASSIGN.plusSeconds(40))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Histories.of(events, caseId),
                            all -> all.stream().anyMatch(e -> e.getPayload() instanceof CaseEscalated));

            DomainEventMessage<?> breach = history.stream().filter(e -> e.getPayload() instanceof SlaBreached)
                    .findFirst().orElseThrow();
            assertThat(((SlaBreached) breach.getPayload()).stage()).isEqualTo(SlaStage.FIRST_ASSIGNMENT);
            assertThat(breach.getMetaData()).containsEntry("actor", "casebook-sla").containsEntry("region", "SEA");
            assertThat(history).extracting(DomainEventMessage::getPayload)
                    .filteredOn(PriorityRaised.class::isInstance).hasSize(1);
            assertThat(history).extracting(DomainEventMessage::getPayload)
                    .filteredOn(SlaBreached.class::isInstance).hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> props = new HashMap<>(properties());
        props.put("server.port", "0");
        props.put("casebook.search.alias", "cases-sla-it");
        props.put("spring.kafka.consumer.group-id", "casebook-cases-sla-it");
        // no Kafka listeners: the flag listener would read, from the earliest offset, the flags other tests left on
        // the topic (FlagListenerIT's) and open cases with deadlines of their own, counted with this test's one
        props.put("spring.kafka.listener.auto-startup", "false");
        for (String priority : List.of("P1", "P2", "P3", "P4")) {
            props.put("casebook.sla.first-assignment.defaults." + priority, TIME_TO_ASSIGN.toString());
            props.put("casebook.sla.first-assignment.regions.SEA." + priority, TIME_TO_ASSIGN.toString());
        }
        // as arguments: they must win over application.yml, as CasesAppTest.Servers does for the other tests
        return new SpringApplicationBuilder(CasesApplication.class)
                .run(props.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }

    private static Map<String, String> properties() {
        return DevStack.shared().springProperties("cases_sla_it");
    }
}
