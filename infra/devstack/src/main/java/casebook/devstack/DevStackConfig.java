package casebook.devstack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Fixed ports and a data folder for {@link DevStack#start(DevStackConfig)}. A port of 0 means any free port.
 */
public record DevStackConfig(int postgresPort, int kafkaPort, int elasticsearchPort, int keycloakPort, Path dataDir) {

    public DevStackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        for (int port : new int[] {postgresPort, kafkaPort, elasticsearchPort, keycloakPort}) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("not a TCP port: " + port);
            }
        }
    }

    /**
     * 5432, 9092, 9200 and 8180, or the environment's {@code CASEBOOK_PG_PORT}, {@code CASEBOOK_KAFKA_PORT},
     * {@code CASEBOOK_ES_PORT}, {@code CASEBOOK_KEYCLOAK_PORT}; data in {@code infra/platform-data}, or the
     * environment's {@code CASEBOOK_DATA_DIR}.
     */
    public static DevStackConfig defaults() {
        return new DevStackConfig(
                port("CASEBOOK_PG_PORT", 5432),
                port("CASEBOOK_KAFKA_PORT", 9092),
                port("CASEBOOK_ES_PORT", 9200),
                port("CASEBOOK_KEYCLOAK_PORT", 8180),
                defaultDataDir());
    }

    private static Path defaultDataDir() {
        String value = System.getenv("CASEBOOK_DATA_DIR");
        return value == null || value.isBlank() ? Installation.platformDataDir()
                : Path.of(value.trim()).toAbsolutePath().normalize();
    }

    static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " is not a port number: " + value, e);
        }
    }
}
