package casebook.cases;

import casebook.devstack.DevStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service against the real servers of the dev stack (PostgreSQL, Kafka, Elasticsearch, Keycloak),
 * started once per test JVM by the project's launcher. Testcontainers-shaped: only {@link Servers} knows where
 * they come from.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"casebook.search.alias=cases-it", "spring.kafka.consumer.group-id=casebook-cases-it"})
public @interface CasesAppTest {

    /** Registered by every test class through {@code @DynamicPropertySource}; see {@link CasesAppTest}. */
    final class Servers {
        private Servers() {
        }

        public static void register(DynamicPropertyRegistry registry) {
            DevStack.shared().springProperties("cases_it").forEach((key, value) -> registry.add(key, () -> value));
        }
    }
}
