package casebook.cases.flag;

import casebook.cases.web.model.Flag;
import casebook.cases.web.model.Money;
import casebook.cases.web.model.Recommendation;
import casebook.cases.web.model.Signals;

import casebook.cases.infrastructure.web.FieldErrors;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of the spec's {@code Flag} schema (api-specs/openapi), checked directly on the generated model: a
 * fast path for Kafka, where every record is checked and bean validation's generic traversal was a fifth of the
 * intake's work (docs/benchmarks.md). It only ever answers "valid" or "look closer": a flag it does not pass goes
 * through bean validation, which names the broken rules and has the last word. {@code FlagContractTest} holds it to
 * exactly bean validation's answers on a corpus of valid and broken flags, so a rule added to the spec and not here
 * fails the build.
 * <p>
 * Two rules of the schema cannot be generated onto the model: a list item is never {@code null} (items are
 * non-nullable strings) and a string is well-formed Unicode (no unpaired surrogate, which JSON's {@code \\u} escapes
 * can carry). {@link #refusals} adds them to bean validation's answer, for REST and Kafka alike.
 */
final class FlagContract {
    static final Pattern FLAG_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");
    private static final Pattern REGION = Pattern.compile("^[A-Z]{2,8}$");
    private static final Pattern AMOUNT = Pattern.compile("^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final int MAX_SIGNALS = 100;

    private FlagContract() {
    }

    /** True when the flag keeps every rule of the schema; false means "ask {@link #refusals}". */
    static boolean holds(Flag flag) {
        return matches(flag.getFlagId(), 128, FLAG_ID)
                && flag.getSource() != null && flag.getSource().getKind() != null
                && text(flag.getSource().getId(), 1, 128) && text(flag.getSource().getVersion(), 1, 64)
                && flag.getSubject() != null && flag.getSubject().getKind() != null
                && text(flag.getSubject().getId(), 1, 128)
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

    /** At most 100 values of 1 to 256 characters without control characters, none null; a missing list is fine. */
    private static boolean values(List<String> values) {
        if (values == null) return true;
        if (values.size() > MAX_SIGNALS) return false;
        for (String value : values) {
            if (!text(value, 1, 256)) return false;
        }
        return true;
    }

    /**
     * Every rule the flag breaks, field by field (empty when it keeps them all): bean validation's answer plus the
     * two rules it cannot check (null list items, unpaired surrogates).
     */
    static List<FieldErrors.FieldError> refusals(Flag flag, Validator validator) {
        List<FieldErrors.FieldError> errors = new ArrayList<>(FieldErrors.of(validator.validate(flag)));
        errors.addAll(beyondBeanValidation(flag));
        return errors;
    }

    /** The schema's rules that bean validation cannot check on the generated model. */
    static List<FieldErrors.FieldError> beyondBeanValidation(Flag flag) {
        List<FieldErrors.FieldError> errors = new ArrayList<>();
        if (flag.getSource() != null) {
            unicode(errors, "source.id", flag.getSource().getId());
            unicode(errors, "source.version", flag.getSource().getVersion());
        }
        if (flag.getSubject() != null) {
            unicode(errors, "subject.id", flag.getSubject().getId());
        }
        Signals signals = flag.getSignals();
        if (signals != null) {
            items(errors, "signals.deviceIds", signals.getDeviceIds());
            items(errors, "signals.ips", signals.getIps());
            items(errors, "signals.paymentFingerprints", signals.getPaymentFingerprints());
            items(errors, "signals.linkedAccounts", signals.getLinkedAccounts());
        }
        return errors;
    }

    private static void items(List<FieldErrors.FieldError> errors, String field, List<String> values) {
        if (values == null) return;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                errors.add(new FieldErrors.FieldError(field + "[" + i + "]", "must not be null"));
            } else {
                unicode(errors, field + "[" + i + "]", values.get(i));
            }
        }
    }

    private static void unicode(List<FieldErrors.FieldError> errors, String field, String value) {
        if (value != null && !wellFormed(value)) {
            errors.add(new FieldErrors.FieldError(field, "must be well-formed Unicode (no unpaired surrogate)"));
        }
    }

    /** 1..max characters, none of them a control character (the spec's pattern) nor an unpaired surrogate. */
    private static boolean text(String value, int min, int max) {
        if (value == null || value.length() < min || value.length() > max) return false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) return false;
        }
        return wellFormed(value);
    }

    private static boolean wellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean unitInterval(Double value) {
        return value != null && value >= 0 && value <= 1;
    }

    private static boolean matches(String value, int maxLength, Pattern pattern) {
        return value != null && value.length() <= maxLength && pattern.matcher(value).matches();
    }
}
