package casebook.cases.regulatory;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Due dates of regulatory requests ({@code casebook.regulatory}): legal is reminded {@code reminderBefore} the due
 * date (default three days); the due date itself escalates (docs/adr/0017).
 */
@ConfigurationProperties("casebook.regulatory")
public record RegulatoryProperties(Duration reminderBefore) {
    public static final Duration DEFAULT_REMINDER_BEFORE = Duration.ofDays(3);

    public RegulatoryProperties {
        if (reminderBefore == null) {
            reminderBefore = DEFAULT_REMINDER_BEFORE;
        }
        if (reminderBefore.isNegative() || reminderBefore.isZero()) {
            throw new IllegalArgumentException("casebook.regulatory.reminder-before must be positive, was "
                    + reminderBefore);
        }
    }
}
