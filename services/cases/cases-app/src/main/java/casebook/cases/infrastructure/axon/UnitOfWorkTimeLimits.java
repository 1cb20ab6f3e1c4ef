package casebook.cases.infrastructure.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.springframework.context.annotation.Bean;

/**
 * Axon's time limits on whole units of work, with Axon's defaults (a warning after 10 s, then every second, an
 * interrupt after 60 s), for commands, deadlines and each batch of an event processor; not for queries.
 * <p>
 * Axon's own timeout module ({@code axon.timeout.enabled}, off in application.yml) limits queries too, and starting a
 * limit takes the whole stack trace of the thread to name its caller: 10% of the service's CPU for a case search
 * (docs/benchmarks.md). A query only reads Elasticsearch, whose client gives up on its own
 * ({@code spring.elasticsearch.socket-timeout}, 30 s). The same module also timed each handler invocation, which we
 * had switched off already: it cost more than the handlers.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class UnitOfWorkTimeLimits {
    private static final int TIMEOUT_MS = 60_000;
    private static final int WARNING_THRESHOLD_MS = 10_000;
    private static final int WARNING_INTERVAL_MS = 1_000;

    @Bean
    ConfigurerModule timeLimitedUnitsOfWork() {
        return configurer -> {
            configurer.eventProcessing().registerDefaultHandlerInterceptor(
                    (configuration, processor) -> limit("EventProcessor " + processor));
            configurer.onStart(Integer.MIN_VALUE, () -> {
                Configuration configuration = configurer.buildConfiguration();
                configuration.commandBus().registerHandlerInterceptor(limit("CommandBus"));
                configuration.deadlineManager().registerHandlerInterceptor(limit("DeadlineManager"));
            });
        };
    }

    private static UnitOfWorkTimeoutInterceptor limit(String component) {
        return new UnitOfWorkTimeoutInterceptor(component, TIMEOUT_MS, WARNING_THRESHOLD_MS, WARNING_INTERVAL_MS);
    }
}
