package casebook.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the local servers share: a port chosen at the first start and kept for the next ones, the {@link Handle} on
 * what {@link #launch()} started, timing and logging of start and stop, the "not running" guard of their addresses,
 * and the deletion of a throw-away data folder at {@link #close()}. Every method that reads or changes this state
 * holds the server's monitor.
 */
abstract class LocalServer implements Server {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /** What {@link #launch()} started: {@link #stop()} stops it, {@link #isRunning()} asks it. */
    interface Handle {

        boolean isAlive();

        /** Stops it, waiting up to {@code grace}; fails when it cannot (the server then still counts as started). */
        void stop(Duration grace);

        /** Ends it at once, with no chance to clean up: a crash. */
        default void kill() {
            stop(Duration.ZERO);
        }
    }

    /** The logger of the concrete class: log lines name the server that wrote them. */
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final int requestedPort;
    private final boolean throwAway;
    /**
     * The server's folder: {@link #launch()} finds its data there from the last start (and initialises it when
     * there is none); null for a server without one.
     */
    protected final Path dataDir;
    private int port;
    private Handle handle;

    /** A server without a data folder. */
    protected LocalServer(String name, int requestedPort) {
        this(name, requestedPort, null, false);
    }

    /**
     * @param name          as logs and errors name it, e.g. "Kafka"
     * @param requestedPort 0 for a free port chosen at start
     * @param dataDir       the server's folder
     * @param throwAway     delete {@code dataDir} at {@link #close()}
     */
    protected LocalServer(String name, int requestedPort, Path dataDir, boolean throwAway) {
        this.name = name;
        this.requestedPort = requestedPort;
        this.dataDir = dataDir;
        this.throwAway = throwAway;
    }

    /**
     * Starts the server and waits until it answers; {@link #start()} calls it, holding the monitor, when the
     * server is not running. An implementation calls {@link #choosePort()} just before it needs the port, and
     * hands what it started to {@link #running} (or starts it with {@link #startProcess}) before waiting for it,
     * so that a start failing after that leaves it to {@link #stop()}.
     */
    protected abstract void launch();

    /** Where the server answers, as its "ready" log line names it. */
    protected abstract String readyOn();

    /** The parenthesised details of the "ready" log line. */
    protected String details() {
        return "data " + dataDir;
    }

    /** The message of the {@link IllegalStateException} that the addresses throw while the server is stopped. */
    protected String notRunning() {
        return name + " is not running";
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        long started = System.nanoTime();
        launch();
        log.info("{} ready on {} in {} ms ({})", name, readyOn(), (System.nanoTime() - started) / 1_000_000,
                details());
    }

    @Override
    public synchronized void stop() {
        if (handle == null) {
            return;
        }
        handle.stop(STOP_TIMEOUT);
        handle = null;
        log.info("{} on port {} stopped", name, port);
    }

    @Override
    public synchronized void close() {
        stop();
        if (throwAway && dataDir != null) {
            Folders.delete(dataDir);
        }
    }

    /** Crashes the server (SIGKILL, no shutdown): for tests of what survives a crash. {@link #start()} again after. */
    public synchronized void kill() {
        if (handle == null) {
            return;
        }
        handle.kill();
        handle = null;
        log.info("{} on port {} killed", name, port);
    }

    @Override
    public synchronized boolean isRunning() {
        return handle != null && handle.isAlive();
    }

    /**
     * Chooses the port of this start: the requested one, else the one of the last start (a restart keeps its
     * address), else a free one.
     */
    protected final synchronized int choosePort() {
        port = requestedPort != 0 || port == 0 ? Ports.freeOr(requestedPort) : port;
        return port;
    }

    /** The port chosen at the last start, running or not. */
    protected final synchronized int chosenPort() {
        return port;
    }

    /** The port, for the addresses of the server; fails when the server is not running. */
    protected final synchronized int runningPort() {
        if (handle == null) {
            throw new IllegalStateException(notRunning());
        }
        return port;
    }

    /** Records what {@link #launch()} started; from now on the server counts as started. */
    protected final synchronized <H extends Handle> H running(H started) {
        handle = started;
        return started;
    }

    /** {@link ServerProcess#start} under the server's name, recorded with {@link #running}. */
    protected final ServerProcess startProcess(List<String> command, Map<String, String> environment, Path workDir,
                                               Path logFile, boolean asServiceUser) {
        return running(ServerProcess.start(name, command, environment, workDir, logFile, asServiceUser));
    }
}
