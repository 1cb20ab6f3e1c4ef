package casebook.cases.infrastructure.kafka;

/**
 * A consumed record that can never be handled, whatever the number of tries (invariant 13): unreadable, against the
 * contract, refused by a rule of the domain or by the database (a value it cannot store). The error handler sends it
 * to the dead-letter topic at once, with {@code reason} and {@code detail} in headers; it is never retried.
 * {@code label} names the record in logs (e.g. {@code flag k-17}); never put signals (IPs, device ids) in it.
 */
public class RecordRefused extends RuntimeException {
    private static final int MAX_DETAIL = 500;
    private final String reason;
    private final String label;

    public RecordRefused(String reason, String detail, String label) {
        super(abbreviate(detail), null, false, false);
        this.reason = reason;
        this.label = label;
    }

    /** A failure that is not the infrastructure's ({@link Failures#isInfrastructure}): the record's own fault. */
    public static RecordRefused of(String label, Throwable failure) {
        String code = Failures.ruleCode(failure);
        return code != null
                ? new RecordRefused("rejected", code + ": " + Failures.firstLine(failure), label)
                : new RecordRefused("unprocessable", Failures.describe(failure), label);
    }

    /** Like {@link #of}, with the broken rule's code itself as the reason ({@code unknown-action}, ...). */
    public static RecordRefused byRule(String label, Throwable failure) {
        String code = Failures.ruleCode(failure);
        return code != null ? new RecordRefused(code, Failures.firstLine(failure), label) : of(label, failure);
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }

    public String label() {
        return label;
    }

    private static String abbreviate(String detail) {
        if (detail == null) return "";
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "...";
    }
}
