package casebook.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-running server process: its own session (so Ctrl-C in a terminal reaches only the JVM, which stops
 * the servers in order), output to a log file, a health wait, and a stop that signals the whole process
 * tree, waits, then kills it.
 */
final class ServerProcess implements LocalServer.Handle {

    private static final Logger log = LoggerFactory.getLogger(ServerProcess.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final boolean asServiceUser;

    private ServerProcess(String name, Process process, Path logFile, boolean asServiceUser) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.asServiceUser = asServiceUser;
    }

    /**
     * Starts {@code command} in {@code workDir} with stdout and stderr appended to {@code logFile}; as the
     * service user when {@code asServiceUser} and this JVM runs as root.
     */
    static ServerProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
                               Path logFile, boolean asServiceUser) {
        boolean wrapped = asServiceUser && ServiceUser.required();
        List<String> full = new ArrayList<>();
        full.add("setsid");
        full.addAll(wrapped ? ServiceUser.wrap(command, environment) : command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            log.debug("{} started as pid {}: {}", name, process.pid(), full);
            return new ServerProcess(name, process, logFile, wrapped);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", full), e);
        }
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    /**
     * Polls {@code probe} until it answers true. Fails with the log tail when the process exits first or the
     * timeout passes, and then stops the process.
     */
    void awaitReady(Duration timeout, Callable<Boolean> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " while starting\n" + Processes.tail(logFile));
            }
            try {
                if (probe.call()) {
                    return;
                }
                lastFailure = null;
            } catch (Exception notReadyYet) {
                lastFailure = notReadyYet;
            }
            if (System.nanoTime() > deadline) {
                stop(Duration.ofSeconds(10));
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s"
                        + (lastFailure == null ? "" : " (last check: " + lastFailure + ")") + "\n"
                        + Processes.tail(logFile));
            }
            waitForExit(POLL);
        }
    }

    /**
     * Sends SIGTERM to the server's processes, waits up to {@code grace} for all of them to exit, then kills
     * what is left. runuser itself is not signalled: it would kill its child two seconds later.
     */
    @Override
    public void stop(Duration grace) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.stream().skip(asServiceUser ? 1 : 0).forEach(ProcessHandle::destroy);
        if (!Processes.allExit(tree, grace)) {
            log.warn("{} did not stop within {} s; killing it", name, grace.toSeconds());
            tree.forEach(ProcessHandle::destroyForcibly);
            if (!Processes.allExit(tree, Duration.ofSeconds(10))) {
                throw new IllegalStateException(name + " survived SIGKILL: " + tree.stream()
                        .filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
            }
        }
    }

    @Override
    public void kill() {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        if (!Processes.allExit(tree, Duration.ofSeconds(10))) {
            throw new IllegalStateException(name + " survived SIGKILL: " + tree.stream()
                    .filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
        }
    }

    private void waitForExit(Duration duration) {
        try {
            process.waitFor(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }
}
