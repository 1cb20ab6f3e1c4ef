package casebook.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL and Elasticsearch refuse to run as root. When this JVM runs as root they run as the system user
 * {@code casebook} (created once), through {@code runuser}, in folders that user owns.
 */
final class ServiceUser {

    static final String NAME = "casebook";

    private static final Logger log = LoggerFactory.getLogger(ServiceUser.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static boolean ensured;

    private ServiceUser() {
    }

    /** True when this JVM runs as root, so that servers that refuse root run as {@value #NAME}. */
    static boolean required() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uid of this process", e);
        }
    }

    /** The command run as {@value #NAME} when {@link #required()}, with the environment given explicitly. */
    static List<String> wrap(List<String> command, Map<String, String> environment) {
        if (!required()) {
            return command;
        }
        ensureExists();
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", NAME, "--", "env"));
        environment.forEach((key, value) -> wrapped.add(key + "=" + value));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives the folder and everything in it to {@value #NAME} when {@link #required()}. */
    static void own(Path folder) {
        if (required()) {
            ensureExists();
            Processes.run("chown", List.of("chown", "-R", NAME + ":" + NAME, folder.toString()), Map.of(),
                    folder, COMMAND_TIMEOUT);
        }
    }

    private static boolean exists() {
        return Processes.succeeds(List.of("id", "-u", NAME));
    }

    private static synchronized void ensureExists() {
        if (ensured) {
            return;
        }
        if (!exists()) {
            log.info("Creating system user {} to run PostgreSQL and Elasticsearch (they refuse root)", NAME);
            boolean created = Processes.succeeds(List.of("useradd", "-r", "-M", "-s", "/usr/sbin/nologin", NAME));
            if (!created && !exists()) { // another JVM may have created it meanwhile
                throw new IllegalStateException("cannot create the system user " + NAME
                        + " with useradd; create it once: useradd -r -M -s /usr/sbin/nologin " + NAME);
            }
        }
        ensured = true;
    }
}
