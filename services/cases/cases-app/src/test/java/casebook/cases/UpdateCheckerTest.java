package casebook.cases;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.axonframework.updates.UpdateChecker;
import org.axonframework.updates.detection.TestEnvironmentDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AxonIQ's update checker would call out to the network and write a machine id to the home folder. Axon creates it
 * only outside tests (it looks for JUnit on the stack), so these tests make Axon believe it is in production
 * ({@code axoniq.usage.force-test-environment}), drop the JVM flag the build passes to every test JVM, and let
 * Spring Boot work out the service's beans from {@link CasesApplication} and application.yml, as at a production
 * start, without creating them (no server is needed).
 */
class UpdateCheckerTest {
    private static final String DISABLED = "axoniq.update-checker.disabled";
    private String disabledBefore;

    @BeforeEach
    void asInProduction() {
        disabledBefore = System.clearProperty(DISABLED);
        System.setProperty(TestEnvironmentDetector.AXONIQ_USAGE_FORCE_TEST_ENVIRONMENT, "true");
        assertThat(TestEnvironmentDetector.isTestEnvironment()).isFalse();
    }

    @AfterEach
    void backToTests() {
        System.clearProperty(TestEnvironmentDetector.AXONIQ_USAGE_FORCE_TEST_ENVIRONMENT);
        if (disabledBefore != null) System.setProperty(DISABLED, disabledBefore);
    }

    @Test
    void theServiceHasNoUpdateChecker() {
        ConfigurableListableBeanFactory beans = definitionsOf(CasesApplication.class);

        assertThat(beans.getBeanNamesForType(EventStore.class, true, false)).as("Axon is configured").isNotEmpty();
        assertThat(beans.getBeanNamesForType(UpdateChecker.class, true, false)).isEmpty();
    }

    /** The check above can fail: where Axon's auto-configuration is left in, a production start has a checker. */
    @Test
    void axonWouldAddOneOutsideTests() {
        assertThat(definitionsOf(WithAxonsDefaults.class).getBeanNamesForType(UpdateChecker.class, true, false))
                .isNotEmpty();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(UpdateCheckerAutoConfiguration.class)
    static class WithAxonsDefaults {
    }

    /**
     * The bean definitions Spring Boot derives from {@code configuration} (component scan, auto-configuration and its
     * conditions, application.yml), none of them created. Left open: closing would create the listeners.
     */
    private static ConfigurableListableBeanFactory definitionsOf(Class<?> configuration) {
        DefinitionsOnly context = new DefinitionsOnly();
        ConfigDataEnvironmentPostProcessor.applyTo(context.getEnvironment());
        context.register(configuration);
        context.refresh();
        return context.getBeanFactory();
    }

    /** A context that stops once every bean is defined: no post-processor, singleton or lifecycle is created. */
    private static final class DefinitionsOnly extends AnnotationConfigApplicationContext {
        @Override
        protected void registerBeanPostProcessors(ConfigurableListableBeanFactory beanFactory) {
        }

        @Override
        protected void finishBeanFactoryInitialization(ConfigurableListableBeanFactory beanFactory) {
        }

        @Override
        protected void finishRefresh() {
        }
    }
}
