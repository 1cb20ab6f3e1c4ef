package casebook.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser harness ({@link Browser}) on what a person meets today: the real Keycloak login page of the casebook
 * realm and Keycloak's account console. A demo user signs in through the form and the account console shows who
 * she is; a wrong password keeps the login page with Keycloak's error; a user signs in with the keyboard alone. A
 * screenshot of each screen lands in {@code target/screenshots}. Keycloak's own pages are not ours, so axe-core's
 * findings on them are not asserted; the accessibility check itself is shown to report a page's serious violations
 * (an image without a text alternative, a button without a name) and to find none on a clean page.
 */
@EndToEnd
class BrowserIT {

    private static Browser browser;
    private static String accountConsole;

    @BeforeAll
    static void startBrowser(Casebook casebook) {
        accountConsole = casebook.servers().keycloak().baseUrl() + "/realms/" + casebook.servers().keycloak().realm()
                + "/account/";
        browser = Browser.start(BrowserIT.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Each test signs in from scratch: no Keycloak session of the one before. */
    @BeforeEach
    void signedOut() {
        browser.forgetSessions();
    }

    @Test
    void aDemoUserSignsInThroughTheRealLoginPageAndTheAccountConsoleShowsHer() {
        browser.open(accountConsole);
        browser.waitFor(By.id("kc-login"));
        assertThat(browser.url()).as("redirected to the realm's login page").contains("/realms/casebook/protocol/openid-connect/auth");
        assertThat(browser.screenshot("keycloak-login")).isNotEmptyFile();

        browser.signIn("ana.sea", "ana.sea");

        browser.waitForText("Ana Santos");
        assertThat(browser.url()).startsWith(accountConsole);
        assertThat(browser.present(By.id("kc-login"))).as("still on the login page").isFalse();
        assertThat(browser.screenshot("account-console-ana-sea")).isNotEmptyFile();
    }

    @Test
    void aWrongPasswordKeepsTheLoginPageAndShowsKeycloaksError() {
        browser.open(accountConsole);
        browser.signIn("ana.sea", "not-her-password");

        browser.waitForText("Invalid username or password.");
        assertThat(browser.present(By.id("kc-login"))).as("the login form is still there").isTrue();
        assertThat(browser.url()).doesNotStartWith(accountConsole);
        assertThat(browser.text()).doesNotContain("Ana Santos");
        assertThat(browser.screenshot("keycloak-login-wrong-password")).isNotEmptyFile();
    }

    @Test
    void aUserSignsInWithTheKeyboardAlone() {
        browser.open(accountConsole);
        browser.tabTo(By.id("username"), 10); // Keycloak's autofocus may have put the cursor there already

        browser.type("lee.sea");
        browser.tab();
        assertThat(browser.focused().getDomProperty("id")).as("Tab from the user name").isEqualTo("password");
        browser.type("lee.sea");
        browser.enter();

        browser.waitForText("Lee Tan");
        assertThat(browser.url()).startsWith(accountConsole);
        assertThat(browser.screenshot("account-console-lee-sea-keyboard")).isNotEmptyFile();
    }

    @Test
    void theAccessibilityCheckReportsAPagesSeriousViolationsAndNoneOnACleanPage() throws Exception {
        Path pages = Browser.pageDir();
        Files.createDirectories(pages);
        Path broken = Files.writeString(pages.resolve("axe-broken.html"), """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Broken on purpose</title></head>
                <body><main><h1>Case 42</h1>
                  <img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" width="40" height="40">
                  <button type="button"></button>
                </main></body></html>
                """);
        Path clean = Files.writeString(pages.resolve("axe-clean.html"), """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Clean</title></head>
                <body><main><h1>Case 42</h1>
                  <img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" width="40" height="40" alt="Seller logo">
                  <button type="button">Take the case</button>
                </main></body></html>
                """);

        browser.open(broken.toUri().toString());
        var violations = browser.accessibilityViolations();
        browser.screenshot("axe-broken-page");

        assertThat(violations).extracting(Browser.Violation::id).contains("image-alt", "button-name");
        assertThat(violations).allSatisfy(violation -> {
            assertThat(violation.impact()).isIn(Browser.FAILING_IMPACTS);
            assertThat(violation.toString()).contains(violation.id()).contains(violation.help())
                    .contains("dequeuniversity.com");
            assertThat(violation.targets()).isNotEmpty();
        });
        assertThat(violations.stream().filter(v -> v.id().equals("image-alt")).findFirst().orElseThrow().targets())
                .singleElement().asString().contains("img");

        browser.open(clean.toUri().toString());
        assertThat(browser.accessibilityViolations()).isEmpty();
    }
}
