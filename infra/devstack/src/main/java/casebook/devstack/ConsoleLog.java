package casebook.devstack;

import java.util.Map;

/** The slf4j-simple settings of the command-line tools (platform, benchmarks), unless given with -D. */
public final class ConsoleLog {
    private ConsoleLog() {
    }

    /** Call before the first logger is created. */
    public static void defaults() {
        Map.of("org.slf4j.simpleLogger.showDateTime", "true",
                        "org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss",
                        "org.slf4j.simpleLogger.showThreadName", "false",
                        "org.slf4j.simpleLogger.showLogName", "false",
                        "org.slf4j.simpleLogger.log.org.apache.kafka", "warn")
                .forEach((key, value) -> {
                    if (System.getProperty(key) == null) {
                        System.setProperty(key, value);
                    }
                });
    }
}
