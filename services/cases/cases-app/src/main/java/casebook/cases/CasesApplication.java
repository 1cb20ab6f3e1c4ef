package casebook.cases;

import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The case service. Scans all of {@code casebook} so that read models on the classpath join in.
 * <p>
 * AxonIQ's update checker never runs, however the service is started (jar, main method, tests, another launcher):
 * its auto-configuration is excluded here, so no checker exists to call out or to write a machine id to the home
 * folder; and {@link #main} sets {@code axoniq.update-checker.disabled} before anything starts, for any Axon
 * configuration built without Spring Boot in this JVM ({@code UpdateCheckerTest}).
 */
@SpringBootApplication(scanBasePackages = "casebook", exclude = UpdateCheckerAutoConfiguration.class)
@ConfigurationPropertiesScan("casebook")
public class CasesApplication {
    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CasesApplication.class, args);
    }
}
