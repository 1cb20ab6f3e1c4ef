package casebook.cases.infrastructure.kafka;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.api.Flag;
import casebook.cases.api.SubjectKind;
import casebook.cases.api.SubjectRef;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The input-versus-infrastructure rule on the failures the real servers raise, not on hand-made exceptions: what
 * PostgreSQL answers to a value it cannot store is the record's fault, a database that cannot be reached is not.
 */
@CasesAppTest
class FailuresIT {
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcClient jdbc;

    /** Past the contract's checks (as a flag raised before they existed would be): PostgreSQL refuses a NUL. */
    @Test
    void aValueThePostgresqlCannotStoreIsTheInputsFault() {
        Flag valid = Actors.newSellerFlag("0.8");
        Flag nul = new Flag(valid.flagId(), valid.source(), new SubjectRef(SubjectKind.SELLER, "shop-\u0000"),
                valid.region(), valid.category(), valid.score(), null, null, valid.signals(), valid.observedAt());

        Throwable failure = catchThrowable(() -> Actors.raise(commands, nul));

        assertThat(failure).isNotNull();
        assertThat(Failures.isInfrastructure(failure)).isFalse();
        assertThat(Failures.describe(failure)).contains("SQLState 22");
        assertThat(RecordRefused.of("flag x", failure).reason()).isEqualTo("unprocessable");
        assertThat(jdbc.sql("SELECT count(*) FROM flag_claims WHERE flag_id = ?").param(valid.flagId().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDatabaseThatCannotBeReachedIsTheInfrastructures() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JdbcClient unreachable = JdbcClient.create(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/casebook?connectTimeout=2", "postgres", "postgres"));

        Throwable failure = catchThrowable(() -> unreachable.sql("SELECT 1").query(Integer.class).single());

        assertThat(failure).isNotNull();
        assertThat(Failures.isInfrastructure(failure)).isTrue();
    }

    @Test
    void aBrokenRuleIsTheInputsFaultAndNamesItsCode() {
        Throwable failure = catchThrowable(() -> commands.sendAndWait(new casebook.cases.api.AssignCase(
                Actors.raise(commands, Actors.newSellerFlag("0.5")).caseId(), "ana.sea", Actors.DETECTOR_SEA, null)));

        assertThat(Failures.isInfrastructure(failure)).isFalse();
        assertThat(RecordRefused.byRule("x", failure).reason()).isNotBlank().isNotEqualTo("unprocessable");
    }
}
