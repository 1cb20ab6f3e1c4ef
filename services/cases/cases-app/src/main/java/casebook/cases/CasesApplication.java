package casebook.cases;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The case service. Scans all of {@code casebook} so that read models on the classpath join in. */
@SpringBootApplication(scanBasePackages = "casebook")
@ConfigurationPropertiesScan("casebook")
public class CasesApplication {
    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CasesApplication.class, args);
    }
}
