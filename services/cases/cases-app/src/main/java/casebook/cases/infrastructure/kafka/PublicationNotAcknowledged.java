package casebook.cases.infrastructure.kafka;

/**
 * Kafka did not acknowledge a record that it could take (unreachable, timed out, not authorised, ...): an outage of
 * the infrastructure, whatever Kafka's exception says, so the publication is retried and nothing is parked.
 */
public class PublicationNotAcknowledged extends RuntimeException {
    PublicationNotAcknowledged(String message, Throwable cause) {
        super(message, cause);
    }
}
