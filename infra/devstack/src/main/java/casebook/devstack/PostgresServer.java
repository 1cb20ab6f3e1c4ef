package casebook.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 from the zonky binaries: {@code initdb} when the data folder holds no cluster yet (else the
 * cluster of the last start is used as it is), then {@code pg_ctl start}, as the service user when this JVM runs
 * as root. Trust authentication on 127.0.0.1 only.
 */
public final class PostgresServer extends LocalServer {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static final String USER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final boolean fsync;

    /**
     * @param port      0 for a free port chosen at start
     * @param dataDir   kept from one start to the next (initialised when empty)
     * @param fsync     off only for tests: benchmarks and the platform keep it on
     * @param throwAway delete {@code dataDir} at {@link #close()}
     */
    PostgresServer(int port, Path dataDir, boolean fsync, boolean throwAway) {
        super("PostgreSQL", port, dataDir, throwAway);
        this.fsync = fsync;
    }

    @Override
    protected void launch() {
        Path home = Installation.postgresHome();
        int port = choosePort();
        Folders.created(dataDir);
        ServiceUser.own(dataDir);
        if (!initialised()) {
            // an initdb cut short leaves a folder without PG_VERSION: start it again from nothing
            Folders.delete(pgdata());
            Processes.run("initdb", ServiceUser.wrap(List.of(home.resolve("bin/initdb").toString(), "-A", "trust",
                    "-U", USER, "-E", "UTF8", "--locale=C", "-D", pgdata().toString()), Map.of()),
                    Map.of(), dataDir, START_TIMEOUT);
        }
        List<String> options = new ArrayList<>(List.of("-p " + port, "-c listen_addresses=127.0.0.1",
                "-c unix_socket_directories=" + dataDir, "-c max_connections=300"));
        if (!fsync) {
            options.addAll(List.of("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"));
        }
        try {
            pgCtl("pg_ctl start", START_TIMEOUT, "-l", logFile().toString(), "-w", "-t",
                    String.valueOf(START_TIMEOUT.toSeconds()), "-o", String.join(" ", options), "start");
        } catch (IllegalStateException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + ": " + e.getMessage()
                    + "\n" + Processes.tail(logFile()), e);
        }
        running(new PgCtlDaemon());
        awaitConnection();
    }

    @Override
    protected String readyOn() {
        return "127.0.0.1:" + chosenPort();
    }

    @Override
    protected String details() {
        return "fsync " + (fsync ? "on" : "off") + ", " + super.details();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String username() {
        return USER;
    }

    /** Any password is accepted (trust authentication); this one is for clients that insist on one. */
    public String password() {
        return USER;
    }

    public synchronized int port() {
        return runningPort();
    }

    /** Creates the database unless it exists. Names are lower-case SQL identifiers. */
    public synchronized void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        try (Connection connection = connect("postgres");
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + name);
                log.info("Created database {} on port {}", name, chosenPort());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on port " + chosenPort(), e);
        }
    }

    Path logFile() {
        return dataDir.resolve("postgres.log");
    }

    /** The cluster's folder (PGDATA): what a cold backup copies. */
    public Path pgdata() {
        return dataDir.resolve("pgdata");
    }

    private boolean initialised() {
        return Files.isRegularFile(pgdata().resolve("PG_VERSION"));
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, password());
    }

    private void awaitConnection() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
                statement.execute("select 1");
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL on port " + chosenPort() + " accepts no connection: "
                            + notYet.getMessage() + "\n" + Processes.tail(logFile()), notYet);
                }
                pause();
            }
        }
    }

    /** pg_ctl starts PostgreSQL as a daemon, not as a child of this JVM: it counts as alive until stopped. */
    private final class PgCtlDaemon implements Handle {

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public void stop(Duration timeout) {
            try {
                pgCtl("pg_ctl stop", timeout, "-m", "fast", "-w", "-t", String.valueOf(timeout.toSeconds()), "stop");
            } catch (IllegalStateException slow) {
                log.warn("PostgreSQL on port {} did not stop in fast mode ({}); stopping it in immediate mode",
                        chosenPort(), slow.getMessage());
                pgCtl("pg_ctl stop", timeout, "-m", "immediate", "-w", "stop");
            }
        }
    }

    private void pgCtl(String what, Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Installation.postgresHome().resolve("bin/pg_ctl").toString(),
                "-D", pgdata().toString()));
        command.addAll(List.of(arguments));
        Processes.run(what, ServiceUser.wrap(command, Map.of()), Map.of(), dataDir, timeout);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }
}
