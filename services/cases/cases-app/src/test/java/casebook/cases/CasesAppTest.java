package casebook.cases;

import casebook.devstack.DevStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.LinkedHashMap;

/**
 * The whole service against the real servers of the dev stack (PostgreSQL, Kafka, Elasticsearch, Keycloak),
 * started once per test JVM by the project's launcher. Testcontainers-shaped: only {@link Servers} knows where
 * they come from.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"casebook.search.alias=cases-it", "spring.kafka.consumer.group-id=casebook-cases-it",
                "casebook.kafka.progress.stall-after=PT5S", "casebook.kafka.progress.check-every=PT1S"})
@ContextConfiguration(initializers = CasesAppTest.Servers.class)
public @interface CasesAppTest {

    /**
     * How long a test waits for the service's asynchronous work (a Kafka consumer joining its group, a processor
     * catching up): generous, since a slow machine must make a test slower, never red.
     */
    Duration PATIENCE = Duration.ofSeconds(90);

    /** Points the service at the dev stack's servers, ahead of application.yml. */
    final class Servers implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("casebook-devstack",
                    new LinkedHashMap<>(DevStack.shared().springProperties("cases_it"))));
        }
    }
}
