package casebook.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the build unpacked the servers ({@code infra/devstack/target/servers}, written into
 * {@code casebook/devstack/devstack.properties} at build time), overridable with {@code -Dcasebook.servers.dir}.
 */
final class Installation {

    private static final String RESOURCE = "casebook/devstack/devstack.properties";
    private static final Properties PROPERTIES = load();

    private Installation() {
    }

    static Path postgresHome() {
        return server("postgres.home", "bin/postgres");
    }

    static Path kafkaLibs() {
        return server("kafka.libs", "");
    }

    static Path elasticsearchHome() {
        return server("elasticsearch.home", "bin/elasticsearch");
    }

    static Path keycloakHome() {
        return server("keycloak.home", "bin/kc.sh");
    }

    /** Default data folder of the platform command: {@code infra/devstack/target/platform-data}. */
    static Path platformDataDir() {
        return Path.of(PROPERTIES.getProperty("platform.data.dir"));
    }

    static Path serversDir() {
        return Path.of(System.getProperty("casebook.servers.dir", PROPERTIES.getProperty("servers.dir")));
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
