package casebook.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where the build unpacked the servers ({@code infra/devstack/target/servers}, written into
 * {@code casebook/devstack/devstack.properties} at build time), overridable with {@code -Dcasebook.servers.dir}.
 */
final class Installation {

    private static final String RESOURCE = "casebook/devstack/devstack.properties";
    private static final String SHARED_SERVERS = "/var/tmp/casebook-servers";
    private static final String COMPLETE = ".complete";
    private static final Logger log = LoggerFactory.getLogger(Installation.class);
    private static final Properties PROPERTIES = load();

    private Installation() {
    }

    static Path postgresHome() {
        return reachableByServiceUser(server("postgres.home", "bin/postgres"));
    }

    static Path kafkaLibs() {
        return server("kafka.libs", "");
    }

    static Path elasticsearchHome() {
        return reachableByServiceUser(server("elasticsearch.home", "bin/elasticsearch"));
    }

    static Path keycloakHome() {
        return server("keycloak.home", "bin/kc.sh");
    }

    /**
     * Default data folder of the platform command: {@code infra/platform-data}, outside any build's {@code target/}
     * so that {@code ./mvnw clean} does not delete an analyst's cases.
     */
    static Path platformDataDir() {
        return Path.of(PROPERTIES.getProperty("platform.data.dir")).toAbsolutePath().normalize();
    }

    static Path serversDir() {
        return Path.of(System.getProperty("casebook.servers.dir", PROPERTIES.getProperty("servers.dir")));
    }

    /**
     * PostgreSQL and Elasticsearch run as the service user when we are root, and that user must be able to reach
     * their files. A checkout under a private folder (a home folder, or {@code mktemp -d} as CI uses) is out of its
     * reach, so the distribution is mirrored once into a shared folder ({@value #SHARED_SERVERS}), keyed by its
     * name and content, and run from there.
     */
    static synchronized Path reachableByServiceUser(Path home) {
        if (!ServiceUser.required() || traversableByOthers(home)) {
            return home;
        }
        Path shared = Path.of(SHARED_SERVERS);
        Path mirror = shared.resolve(home.getFileName() + "-" + contentKey(home));
        if (Files.exists(mirror.resolve(COMPLETE))) {
            return mirror;
        }
        try {
            Files.createDirectories(shared);
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (FileChannel lock = FileChannel.open(shared.resolve(mirror.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lock.lock()) {
                if (!Files.exists(mirror.resolve(COMPLETE))) {
                    log.info("mirroring {} to {} so that the service user can run it", home, mirror);
                    Folders.delete(mirror);
                    Folders.copy(home, mirror);
                    Processes.run("chmod", List.of("chmod", "-R", "o+rX", mirror.toString()), Map.of(), shared,
                            Duration.ofMinutes(2));
                    Files.createFile(mirror.resolve(COMPLETE));
                }
            }
            return mirror;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mirror " + home + " into " + shared, e);
        }
    }

    private static boolean traversableByOthers(Path home) {
        try {
            for (Path dir = home.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions above " + home, e);
        }
    }

    /** Names and sizes of every file: the same distribution gives the same key wherever it was unpacked. */
    private static String contentKey(Path home) {
        try (Stream<Path> files = Files.walk(home)) {
            long hash = files.filter(Files::isRegularFile)
                    .map(f -> home.relativize(f) + ":" + f.toFile().length())
                    .sorted()
                    .mapToLong(String::hashCode)
                    .reduce(17, (a, b) -> a * 31 + b);
            return Long.toHexString(hash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + home, e);
        }
    }

    private static Path server(String key, String expectedFile) {
        Path home = serversDir().resolve(PROPERTIES.getProperty(key));
        if (!Files.exists(home.resolve(expectedFile))) {
            throw new IllegalStateException(home.resolve(expectedFile) + " is missing. The devstack build unpacks "
                    + "the servers there: run ./mvnw -pl infra/devstack -am install -DskipTests (or point "
                    + "-Dcasebook.servers.dir at a folder holding them)");
        }
        return home;
    }

    private static Properties load() {
        try (InputStream in = Installation.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
