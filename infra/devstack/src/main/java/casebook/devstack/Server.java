package casebook.devstack;

/**
 * A server the dev stack runs as a local process. Shaped like Testcontainers' {@code Startable}, so that a
 * machine with Docker can swap a container in behind the same calls.
 */
public interface Server extends AutoCloseable {

    /** Starts the server and returns once it answers its health check; does nothing when it is running. */
    void start();

    /** Stops the server (gracefully, then by force) and removes its throw-away data; does nothing when stopped. */
    void stop();

    boolean isRunning();

    @Override
    default void close() {
        stop();
    }
}
