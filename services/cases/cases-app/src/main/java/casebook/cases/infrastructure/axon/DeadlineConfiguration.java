package casebook.cases.infrastructure.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.tracing.SpanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

import java.util.List;

/**
 * Deadlines that survive a restart (docs/adr/0010): Axon's {@link DbSchedulerDeadlineManager} on db-scheduler's
 * {@code scheduled_tasks} table in the service's PostgreSQL. Scheduling writes a row in the transaction of the
 * events that schedule it; any instance picks a due deadline up, once. Declared here rather than left to Axon's
 * auto-configuration so that the events a deadline causes carry the audit trail (invariant 9) like those of a
 * command.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    DeadlineManager deadlineManager(Scheduler scheduler, Configuration configuration,
                                    @Qualifier("eventSerializer") Serializer serializer,
                                    TransactionManager transactionManager, SpanFactory spanFactory,
                                    List<CorrelationDataProvider> correlation) {
        DbSchedulerDeadlineManager deadlines = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .build();
        deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlation));
        return deadlines;
    }
}
