package casebook.cases.regulatory;

import casebook.cases.infrastructure.axon.WriteModelTables;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The regulatory requests' read model is written by a subscribing processor, in the thread and transaction of the
 * command (docs/adr/0017), and a failure of it fails the command (Axon's default would log it and carry on, leaving the
 * table behind the event store).
 */
@Configuration(proxyBeanMethods = false)
class RegulatoryReadModelConfiguration {

    @Bean
    ConfigurerModule regulatoryRequestsInTheCommandsTransaction() {
        return WriteModelTables.processor(RegulatoryRequestProjection.PROCESSING_GROUP);
    }
}
