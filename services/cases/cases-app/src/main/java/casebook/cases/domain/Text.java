package casebook.cases.domain;

import java.util.regex.Pattern;

/** The rules for free text a person gives a case: bounded, not blank where required, no control characters. */
public final class Text {
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern ONE_TOKEN = Pattern.compile("[^\\s\\p{Cntrl}]+");

    private Text() {
    }

    /** Required text of 1 to {@code maxLength} characters, not blank; else rule {@code rule} breaks. */
    public static void requireText(String rule, String what, String text, int maxLength) {
        if (text == null || text.isBlank() || text.length() > maxLength) {
            throw new CaseRuleBroken(rule, "the " + what + " needs 1-" + maxLength + " characters");
        }
    }

    /** Optional text: absent, or at most {@code maxLength} characters without control characters. */
    public static void requireOptionalText(String rule, String what, String text, int maxLength) {
        if (text != null && (text.length() > maxLength || hasControlCharacters(text))) {
            throw new CaseRuleBroken(rule, "the " + what + " has at most " + maxLength
                    + " characters and no control characters");
        }
    }

    public static boolean hasControlCharacters(String text) {
        return CONTROL.matcher(text).find();
    }

    /** A URI, an object key or an identifier: one token, no spaces or control characters. */
    public static boolean isOneToken(String text) {
        return ONE_TOKEN.matcher(text).matches();
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
