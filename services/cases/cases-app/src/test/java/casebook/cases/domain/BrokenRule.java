package casebook.cases.domain;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Which rule broke: a fixture expecting {@link CaseRuleBroken} names its code, or any guard would pass for another.
 * {@code .expectException(BrokenRule.code("case-status"))}.
 */
public final class BrokenRule extends TypeSafeMatcher<CaseRuleBroken> {
    private final String code;

    private BrokenRule(String code) {
        this.code = code;
    }

    public static Matcher<CaseRuleBroken> code(String code) {
        return new BrokenRule(code);
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
