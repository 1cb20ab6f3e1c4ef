package casebook.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void startStack() {
        postgres = DevStack.shared().startAll().postgres();
    }

    @Test
    void createsADatabaseOnceAndStoresRows() throws SQLException {
        postgres.createDatabase("devstack_test");
        postgres.createDatabase("devstack_test");

        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("devstack_test"),
                postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table flag (id text primary key, score numeric)");
            statement.execute("insert into flag values ('brushing-7f3a9c1e', 0.91)");
            try (ResultSet rows = statement.executeQuery("select current_database(), score, version() from flag")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("devstack_test");
                assertThat(rows.getBigDecimal(2)).isEqualByComparingTo("0.91");
                assertThat(rows.getString(3)).startsWith("PostgreSQL 17.");
            }
        }
    }

    @Test
    void startsAgainOnTheSamePortWithItsData() throws SQLException {
        postgres.createDatabase("devstack_restart");
        String url = postgres.jdbcUrl("devstack_restart");
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table flag (id text primary key)");
            statement.execute("insert into flag values ('scalping-51aa0c2d')");
        }

        postgres.stop();
        postgres.start();

        assertThat(postgres.jdbcUrl("devstack_restart")).isEqualTo(url);
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id from flag")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("scalping-51aa0c2d");
        }
    }

    @Test
    void runsWithoutFsyncForTests() throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"),
                postgres.username(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet fsync = statement.executeQuery("show fsync")) {
            assertThat(fsync.next()).isTrue();
            assertThat(fsync.getString(1)).isEqualTo("off");
        }
    }
}
