package casebook.devstack;

/**
 * A server the dev stack runs as a local process. Shaped like Testcontainers' {@code Startable}, so that a
 * machine with Docker can swap a container in behind the same calls: {@link #stop()} is {@code docker stop} (the
 * container and its data stay, {@link #start()} starts it again), {@link #close()} is {@code docker rm}.
 */
public interface Server extends AutoCloseable {

    /**
     * Starts the server and returns once it answers its health check; does nothing when it is running. A server
     * that ran before starts again on the same port, with the data it had.
     */
    void start();

    /** Stops the server (gracefully, then by force); its data stays for the next {@link #start()}. */
    void stop();

    boolean isRunning();

    /** Stops the server and deletes its data when that data is throw-away (a test's). */
    @Override
    default void close() {
        stop();
    }
}
