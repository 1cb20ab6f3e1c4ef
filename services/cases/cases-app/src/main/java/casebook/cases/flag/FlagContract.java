package casebook.cases.flag;

import casebook.cases.web.model.Flag;
import casebook.cases.web.model.Money;
import casebook.cases.web.model.Recommendation;
import casebook.cases.web.model.Signals;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of the spec's {@code Flag} schema (api-specs/openapi), checked directly on the generated model: a
 * fast path for Kafka, where every record is checked and bean validation's generic traversal was a fifth of the
 * intake's work (docs/benchmarks.md). It only ever answers "valid" or "look closer": a flag it does not pass goes
 * through bean validation, which names the broken rules and has the last word. {@code FlagContractTest} holds it to
 * exactly bean validation's answers on a corpus of valid and broken flags, so a rule added to the spec and not here
 * fails the build.
 */
final class FlagContract {
    private static final Pattern FLAG_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");
    private static final Pattern REGION = Pattern.compile("^[A-Z]{2,8}$");
    private static final Pattern AMOUNT = Pattern.compile("^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final int MAX_SIGNALS = 100;

    private FlagContract() {
    }

    /** True when the flag keeps every rule of the schema; false means "ask bean validation". */
    static boolean holds(Flag flag) {
        return matches(flag.getFlagId(), 128, FLAG_ID)
                && flag.getSource() != null && flag.getSource().getKind() != null
                && length(flag.getSource().getId(), 1, 128) && length(flag.getSource().getVersion(), 1, 64)
                && flag.getSubject() != null && flag.getSubject().getKind() != null
                && length(flag.getSubject().getId(), 1, 128)
                && matches(flag.getRegion(), 8, REGION)
                && flag.getCategory() != null
                && unitInterval(flag.getScore())
                && holds(flag.getRecommendation())
                && holds(flag.getMoneyAtRisk())
                && holds(flag.getSignals())
                && flag.getObservedAt() != null;
    }

    private static boolean holds(Recommendation recommendation) {
        return recommendation == null
                || recommendation.getAction() != null && unitInterval(recommendation.getConfidence());
    }

    private static boolean holds(Money money) {
        return money == null || matches(money.getAmount(), 20, AMOUNT) && matches(money.getCurrency(), 3, CURRENCY);
    }

    private static boolean holds(Signals signals) {
        return signals == null || values(signals.getDeviceIds()) && values(signals.getIps())
                && values(signals.getPaymentFingerprints()) && values(signals.getLinkedAccounts());
    }

    /** At most 100 values of 1 to 256 characters; a missing list or a null value is no rule broken. */
    private static boolean values(List<String> values) {
        if (values == null) return true;
        if (values.size() > MAX_SIGNALS) return false;
        for (String value : values) {
            if (value != null && (value.isEmpty() || value.length() > 256)) return false;
        }
        return true;
    }

    private static boolean unitInterval(Double value) {
        return value != null && value >= 0 && value <= 1;
    }

    private static boolean length(String value, int min, int max) {
        return value != null && value.length() >= min && value.length() <= max;
    }

    private static boolean matches(String value, int maxLength, Pattern pattern) {
        return value != null && value.length() <= maxLength && pattern.matcher(value).matches();
    }
}
