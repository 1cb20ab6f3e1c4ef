package casebook.cases.retention;

import casebook.cases.infrastructure.axon.WriteModelTables;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The closing times follow the events in their transaction; retention runs as a recurring db-scheduler task
 * ({@code casebook-retention}, in {@code scheduled_tasks}): persistent, one instance at a time, again after a restart.
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {
    /** The recurring task's name in {@code scheduled_tasks}. */
    static final String TASK = "casebook-retention";

    @Bean
    ConfigurerModule caseClosingsProcessing() {
        return WriteModelTables.processor(CaseClosings.PROCESSING_GROUP);
    }

    @Bean
    RecurringTask<Void> retentionTask(Retention retention, RetentionProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.checkEvery()))
                .execute((instance, context) -> retention.eraseExpired());
    }
}
