package casebook.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console's browser tests share: one Chromium for the test class ({@link Browser}), the console's address on
 * the e2e platform, each person signing in through Keycloak's login form once (the browser keeps the session until
 * another person signs in), and every screen saved and checked with axe-core: the serious and critical findings of the
 * screens a test visited are asserted after it.
 */
abstract class ConsoleBrowserTest {
    protected static Browser browser;
    protected static String console;
    /** Whose Keycloak session the browser holds, so that each person signs in through the form once. */
    private static String signedIn;

    /** axe-core's serious and critical findings per screen of the running test, asserted at its end. */
    private final Map<String, List<Browser.Violation>> violations = new LinkedHashMap<>();

    @BeforeAll
    static void startBrowser(Casebook casebook, TestInfo test) {
        console = casebook.consoleUrl();
        signedIn = null;
        browser = Browser.start(test.getTestClass().orElseThrow());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterEach
    void everyScreenIsAccessible() {
        assertThat(violations).allSatisfy((screen, found) ->
                assertThat(found).as("axe-core's serious and critical violations on screen " + screen).isEmpty());
    }

    /**
     * Opens the console at {@code path} as {@code user}: through Keycloak's login form the first time, with the
     * browser's Keycloak session afterwards; another person signs in afresh.
     */
    protected static void openAs(String user, String path) {
        if (!user.equals(signedIn)) {
            browser.forgetSessions();
            browser.open(console + path);
            browser.signIn(user, user);
            signedIn = user;
        } else {
            browser.open(console + path);
        }
        browser.waitFor(By.xpath("//header//span[starts-with(normalize-space(), '" + user + " (')]"));
    }

    /** Waits until the page's heading starts with {@code text} (the screen has rendered) and returns it. */
    protected static WebElement heading(String text) {
        return browser.until(driver -> {
            try {
                List<WebElement> h1 = driver.findElements(By.tagName("h1"));
                return !h1.isEmpty() && h1.get(0).getText().startsWith(text) ? h1.get(0) : null;
            } catch (StaleElementReferenceException e) {
                return null; // the page re-rendered between finding and reading it
            }
        });
    }

    /**
     * Saves the screen and runs axe-core on it: every finding is printed at once (minor and moderate ones too, for
     * whoever improves the console next), the serious and critical ones are asserted after the test.
     */
    protected void screen(String name) {
        assertThat(browser.screenshot(name)).isNotEmptyFile();
        List<Browser.Violation> found = browser.accessibility();
        found.forEach(violation -> System.out.println("axe-core on " + name + ": " + violation));
        violations.put(name, found.stream().filter(v -> Browser.FAILING_IMPACTS.contains(v.impact())).toList());
    }

    protected static By navLink(String text) {
        return By.xpath("//nav[@aria-label='Main']//a[normalize-space()='" + text + "']");
    }

    protected static By button(String text) {
        return By.xpath("//button[normalize-space()='" + text + "']");
    }

    protected static By summary(String text) {
        return By.xpath("//summary[normalize-space()='" + text + "']");
    }
}
