package casebook.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Servers left running by a JVM that died without its shutdown hook (kill -9, a crashed test fork). Each
 * stack's data folder names its owner JVM in {@code owner.pid}; the processes of a dead owner are found by
 * the data folder in their command line, stopped, and the folder is deleted when it is throw-away.
 */
final class Leftovers {

    private static final Logger log = LoggerFactory.getLogger(Leftovers.class);
    private static final String OWNER_FILE = "owner.pid";
    private static final Duration GRACE = Duration.ofSeconds(15);

    private Leftovers() {
    }

    /** Records this JVM as the owner of the stack in {@code root}. */
    static void claim(Path root) {
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve(OWNER_FILE), String.valueOf(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve(OWNER_FILE), e);
        }
    }

    /** Stops the servers of the stack in {@code root} if its owner JVM is gone; deletes the folder if asked. */
    static void stopOrphaned(Path root, boolean delete) {
        Optional<Long> owner = owner(root);
        if (owner.isEmpty() || owner.get() == ProcessHandle.current().pid()
                || ProcessHandle.of(owner.get()).map(ProcessHandle::isAlive).orElse(false)) {
            return;
        }
        String folder = root.toAbsolutePath().toString();
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(folder)).orElse(false))
                .toList();
        if (!orphans.isEmpty()) {
            log.warn("Stopping {} server processes left by JVM {} (gone) in {}", orphans.size(), owner.get(), folder);
            orphans.forEach(ProcessHandle::destroy);
            if (!Processes.allExit(orphans, GRACE)) {
                orphans.forEach(ProcessHandle::destroyForcibly);
            }
        }
        if (delete) {
            Folders.delete(root);
        }
    }

    /** {@link #stopOrphaned} for every throw-away stack of {@link DevStack#shared()} in the temp folder. */
    static void stopOrphanedSharedStacks(Path tempDir, String prefix) {
        try (Stream<Path> folders = Files.list(tempDir)) {
            folders.filter(folder -> folder.getFileName().toString().startsWith(prefix))
                    .forEach(folder -> stopOrphaned(folder, true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + tempDir, e);
        }
    }

    private static Optional<Long> owner(Path root) {
        Path file = root.resolve(OWNER_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException unreadable) {
            log.warn("Ignoring {}: {}", file, unreadable.toString());
            return Optional.empty();
        }
    }
}
