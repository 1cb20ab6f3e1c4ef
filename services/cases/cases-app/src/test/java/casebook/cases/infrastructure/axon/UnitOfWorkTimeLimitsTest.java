package casebook.cases.infrastructure.axon;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnitOfWorkTimeLimitsTest {
    /** The resource Axon's UnitOfWorkTimeoutInterceptor puts on the root unit of work it limits. */
    private static final String TIME_LIMIT = "_transactionTimeLimit";

    private final Probe probe = new Probe();
    private Configuration axon;

    @BeforeEach
    void start() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .registerCommandHandler(c -> probe)
                .registerQueryHandler(c -> probe);
        new UnitOfWorkTimeLimits().timeLimitedUnitsOfWork().configureModule(configurer);
        configurer.eventProcessing().usingSubscribingEventProcessors().registerEventHandler(c -> probe);
        axon = configurer.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void commandsAndEventProcessorsWorkWithinATimeLimit() {
        axon.commandGateway().sendAndWait(new Command());
        axon.eventGateway().publish(new Event());

        assertThat(probe.limited).containsExactly("command", "event");
    }

    @Test
    void queriesAreNotTimedBecauseStartingALimitCostsAStackTrace() {
        assertThat(axon.queryGateway().query(new Query(), Boolean.class).join()).isFalse();
    }

    record Command() {
    }

    record Event() {
    }

    record Query() {
    }

    static class Probe {
        final List<String> limited = new ArrayList<>();

        @CommandHandler
        void handle(Command command) {
            if (limited()) this.limited.add("command");
        }

        @EventHandler
        void on(Event event) {
            if (limited()) this.limited.add("event");
        }

        @QueryHandler
        Boolean handle(Query query) {
            return limited();
        }

        private static boolean limited() {
            return CurrentUnitOfWork.get().root().resources().containsKey(TIME_LIMIT);
        }
    }
}
