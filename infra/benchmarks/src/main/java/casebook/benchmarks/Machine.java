package casebook.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Where the figures were measured, and how busy the machine was with things other than this benchmark. */
final class Machine {

    private static final long JIFFIES_PER_SECOND = 100; // USER_HZ on Linux

    private Machine() {
    }

    record Description(String date, String cpus, String memory, String cpuModel, String java, String commit,
                       String loadAverage) {
    }

    static Description describe(Path root) {
        return new Description(
                command(root, "date", "-u"),
                command(root, "nproc"),
                memory(),
                cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                commit(root),
                loadAverage());
    }

    static String loadAverage() {
        String[] fields = read(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "?";
    }

    /** Groups of the benchmark's own processes, in the order they are reported. */
    static final List<String> GROUPS = List.of("service", "postgres", "elasticsearch", "kafka", "keycloak",
            "benchmark JVM");

    /**
     * CPU time of the whole machine and of each of this run's processes: this JVM, what it started, and what
     * runs from its data folder (PostgreSQL detaches from pg_ctl, so it is found by its data folder).
     */
    record CpuSnapshot(long wallNanos, double machineBusySeconds, Map<String, Double> ownSeconds,
                       Map<String, Double> jitSeconds) {

        static CpuSnapshot now(Path data) {
            String[] cpu = read(Path.of("/proc/stat")).lines().findFirst().orElse("cpu").trim().split("\\s+");
            long busy = 0;
            // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
            int[] busyFields = {1, 2, 3, 6, 7, 8};
            for (int field : busyFields) {
                if (field < cpu.length) {
                    busy += Long.parseLong(cpu[field]);
                }
            }
            ProcessHandle self = ProcessHandle.current();
            String folder = data.toString();
            Set<ProcessHandle> ours = new HashSet<>();
            ours.add(self);
            self.descendants().forEach(ours::add);
            ProcessHandle.allProcesses()
                    .filter(process -> process.info().commandLine().map(line -> line.contains(folder)).orElse(false))
                    .forEach(process -> {
                        ours.add(process);
                        process.descendants().forEach(ours::add);
                    });
            Map<String, Double> own = new TreeMap<>();
            Map<String, Double> jit = new TreeMap<>();
            for (ProcessHandle process : ours) {
                own.merge(group(process, self), cpuSeconds(process.pid()), Double::sum);
                jit.merge(group(process, self), jitCompilerSeconds(process.pid()), Double::sum);
            }
            return new CpuSnapshot(System.nanoTime(), busy / (double) JIFFIES_PER_SECOND, own, jit);
        }

        /**
         * CPU time of a process and of its children that ended and were reaped by it: PostgreSQL's server
         * process reaps each connection's backend, so a client that disconnects before the phase ends still
         * counts for "postgres", not as another process. 0 if the process ended meanwhile.
         */
        private static double cpuSeconds(long pid) {
            String[] fields = statFields(read(Path.of("/proc", Long.toString(pid), "stat")));
            if (fields.length < 15) {
                return 0;
            }
            // utime stime cutime cstime
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14])) / (double) JIFFIES_PER_SECOND;
        }

        /**
         * CPU time of a JVM's JIT compiler threads ("C1 CompilerThread0", ...; Linux shows the first 15 characters
         * of a thread's name): 0 for other processes. A compiler thread that the JVM retired meanwhile takes its
         * time with it, so a phase's figure may be a little low.
         */
        private static double jitCompilerSeconds(long pid) {
            long ticks = 0;
            try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path thread : threads.toList()) {
                    String stat = read(thread.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (open < 0 || close < open || !isJitCompiler(stat.substring(open + 1, close))) {
                        continue;
                    }
                    String[] fields = statFields(stat);
                    if (fields.length > 12) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime stime
                    }
                }
            } catch (IOException | RuntimeException e) {
                return 0; // the process ended meanwhile
            }
            return ticks / (double) JIFFIES_PER_SECOND;
        }

        /**
         * The fields of a /proc stat line after the name: state ppid pgrp session tty_nr tpgid flags minflt cminflt
         * majflt cmajflt utime stime cutime cstime ...; none if the process or thread ended meanwhile.
         */
        private static String[] statFields(String line) {
            int close = line.lastIndexOf(')');
            return close < 0 || close + 2 > line.length() ? new String[0] : line.substring(close + 2).trim().split("\\s+");
        }

        private static boolean isJitCompiler(String threadName) {
            return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
        }

        private static String group(ProcessHandle process, ProcessHandle self) {
            if (process.equals(self)) {
                return "benchmark JVM";
            }
            String line = process.info().commandLine().or(() -> process.info().command()).orElse("");
            if (line.contains("cases-app")) {
                return "service";
            }
            if (line.contains("kafka.Kafka")) {
                return "kafka";
            }
            if (line.contains("keycloak") || line.contains("quarkus")) {
                return "keycloak";
            }
            if (line.contains("elasticsearch")) {
                return "elasticsearch";
            }
            if (line.contains("postgres")) {
                return "postgres";
            }
            if (line.contains("chrom")) { // benchmark 6: chromedriver and Chromium's processes
                return "chromium";
            }
            return "other (ours)";
        }

        private double ownTotal() {
            return ownSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /**
         * Cores used on average since {@code earlier}, per group of this run's processes, and by all other
         * processes of the machine ({@code "other processes"}: builds, tests, editors on a shared machine).
         * A process of ours that ended meanwhile counts for its parent's group when one of ours reaped it, else
         * as another process.
         */
        Map<String, Double> coresSince(CpuSnapshot earlier) {
            double wall = (wallNanos - earlier.wallNanos) / 1e9;
            Map<String, Double> cores = new LinkedHashMap<>();
            for (String group : GROUPS) {
                cores.put(group, delta(group, earlier) / wall);
            }
            ownSeconds.keySet().stream().filter(group -> !GROUPS.contains(group))
                    .forEach(group -> cores.put(group, delta(group, earlier) / wall));
            double foreign = (machineBusySeconds - earlier.machineBusySeconds) - (ownTotal() - earlier.ownTotal());
            cores.put("other processes", Math.max(0, foreign / wall));
            return cores;
        }

        /** {@link #coresSince} with, for each group, the cores its JIT compilers used meanwhile. */
        CpuUse useSince(CpuSnapshot earlier) {
            double wall = (wallNanos - earlier.wallNanos) / 1e9;
            Map<String, Double> jit = new LinkedHashMap<>();
            for (String group : GROUPS) {
                jit.put(group, Math.max(0, jitSeconds.getOrDefault(group, 0.0)
                                           - earlier.jitSeconds.getOrDefault(group, 0.0)) / wall);
            }
            return new CpuUse(coresSince(earlier), jit);
        }

        private double delta(String group, CpuSnapshot earlier) {
            return Math.max(0, ownSeconds.getOrDefault(group, 0.0) - earlier.ownSeconds.getOrDefault(group, 0.0));
        }
    }

    /**
     * Cores used on average during a phase, per group of processes ({@link CpuSnapshot#coresSince}), and of those
     * the cores each group's JIT compilers used: a JVM that still compiles is not yet in its steady state.
     */
    record CpuUse(Map<String, Double> cores, Map<String, Double> jit) {

        double jitTotal() {
            return jit.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** "service 0.12, elasticsearch 0.30, ..." for the groups whose compilers did anything. */
        String jitSummary() {
            StringBuilder out = new StringBuilder();
            jit.forEach((group, used) -> {
                if (used >= 0.005) {
                    out.append(out.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", group, used));
                }
            });
            return out.isEmpty() ? "none" : out.toString();
        }
    }

    /** Which build of a file was measured: its name, modification time and the start of its SHA-256. */
    static String fileIdentity(Path original, Path copy) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            try (var in = new java.security.DigestInputStream(Files.newInputStream(copy), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            String hex = java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 12);
            java.time.Instant built = Files.getLastModifiedTime(copy).toInstant()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            return original.getFileName() + " built " + built + ", sha256 " + hex;
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return original.getFileName() + " (" + e + ")";
        }
    }

    private static String memory() {
        return read(Path.of("/proc/meminfo")).lines().filter(line -> line.startsWith("MemTotal:")).findFirst()
                .map(line -> {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }).orElse("?");
    }

    private static String cpuModel() {
        return read(Path.of("/proc/cpuinfo")).lines().filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?");
    }

    private static String commit(Path root) {
        String head = command(root, "git", "rev-parse", "--short", "HEAD");
        String dirty = command(root, "git", "status", "--porcelain", "--untracked-files=no");
        return head + (dirty.isBlank() || dirty.equals("?") ? "" : " (with uncommitted changes)");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static String command(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "?";
            }
            return out;
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
