package casebook.cases.regulatory;

import casebook.cases.domain.CaseRuleBroken;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Which rule broke: a fixture expecting {@link CaseRuleBroken} names its code, or any guard would pass for another.
 * {@code .expectException(RuleCode.of("request-status"))}.
 */
final class RuleCode extends TypeSafeMatcher<CaseRuleBroken> {
    private final String code;

    private RuleCode(String code) {
        this.code = code;
    }

    static Matcher<CaseRuleBroken> of(String code) {
        return new RuleCode(code);
    }

    @Override
    protected boolean matchesSafely(CaseRuleBroken broken) {
        return code.equals(broken.code());
    }

    @Override
    protected void describeMismatchSafely(CaseRuleBroken broken, Description mismatch) {
        mismatch.appendText("rule ").appendValue(broken.code()).appendText(" broke: ").appendText(broken.getMessage());
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("CaseRuleBroken with code ").appendValue(code);
    }
}
