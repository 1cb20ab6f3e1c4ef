package casebook.cases.infrastructure.kafka;

import casebook.cases.domain.CaseRuleBroken;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/** The input-versus-infrastructure rule (ADR 12) on the exceptions as they arrive: wrapped, with SQLStates. */
class FailuresTest {

    @Test
    void aDatabaseConnectionLostDeepInTheCausesIsTheInfrastructures() {
        Exception lost = new EventStoreException("append failed",
                new PSQLException("connection lost", PSQLState.CONNECTION_FAILURE));

        assertThat(Failures.isInfrastructure(lost)).isTrue();
    }

    @Test
    void aDatabaseShuttingDownOrADeadlockIsTheInfrastructures() {
        assertThat(Failures.isInfrastructure(new java.sql.SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(Failures.isInfrastructure(new java.sql.SQLException("deadlock", "40P01"))).isTrue();
    }

    @Test
    void aValueTheDatabaseRefusesIsTheInputs() {
        Exception nul = new DataIntegrityViolationException("insert failed",
                new java.sql.SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

        assertThat(Failures.isInfrastructure(nul)).isFalse();
        assertThat(Failures.describe(nul)).contains("SQLState 22021").doesNotContain("insert failed");
        assertThat(RecordRefused.of("flag x", nul).reason()).isEqualTo("unprocessable");
    }

    @Test
    void aBrokenRuleIsTheInputsAndItsCodeIsTheReasonForResults() {
        CaseRuleBroken broken = new CaseRuleBroken("earlier-attempt", "attempt 1 was superseded by attempt 2");

        assertThat(Failures.isInfrastructure(broken)).isFalse();
        assertThat(RecordRefused.byRule("result", new IllegalStateException(broken)).reason()).isEqualTo("earlier-attempt");
        assertThat(RecordRefused.of("flag", broken).reason()).isEqualTo("rejected");
        assertThat(RecordRefused.of("flag", broken).detail()).startsWith("earlier-attempt: ");
    }

    @Test
    void aRecordKafkaDidNotAcknowledgeIsTheInfrastructuresButOneTooLargeIsNot() {
        assertThat(Failures.isInfrastructure(new PublicationNotAcknowledged("no ack",
                new org.apache.kafka.common.errors.TopicAuthorizationException("no ACL")))).isTrue();
        assertThat(Failures.isInfrastructure(new RecordTooLargeException("1.2 MB"))).isFalse();
    }
}
