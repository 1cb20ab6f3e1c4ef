package casebook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real Chromium for the browser tests (docs/adr/0026): Debian's {@code /usr/bin/chromium} driven by Selenium
 * through Debian's {@code /usr/bin/chromedriver}, both named explicitly so that Selenium Manager never tries to
 * download a driver or a browser (the build installs both with apt-get when missing:
 * {@code e2e-tests/scripts/install-chromium.sh}). Headless, with a new empty profile per session, and without the
 * background connections Chromium opens by itself (updates, sync, safe browsing).
 * <p>
 * Start one per test class ({@code @BeforeAll}, {@link #close()} in {@code @AfterAll}): a Chromium start costs a
 * second or two, a test run has many tests. It signs in through the real Keycloak login form, saves a screenshot of
 * each screen as a test artifact ({@code e2e-tests/target/screenshots/<TestClass>-<name>.png}), runs axe-core on the
 * page ({@link #accessibilityViolations()}: serious and critical ones) and presses keys like a keyboard user.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String SCREENSHOT_DIR = "casebook.e2e.screenshot-dir";
    /** Pages the tests write themselves (the accessibility check's own test page). */
    static final String PAGE_DIR = "casebook.e2e.page-dir";
    /** Impacts that fail a screen: axe-core's serious and critical. */
    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    /** axe-core's script, shipped in com.deque.html.axe-core:selenium (the only thing used of it). */
    private static final String AXE_RESOURCE = "axe.min.js";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FLAGS = List.of(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            // without these, Chromium's own connections (component updates, sync, variations) are refused many
            // at a time on a machine without internet access, and pages load slowly
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US");

    private final String name;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path screenshots;
    private String axeScript;

    private Browser(String name, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.name = name;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
        this.screenshots = Path.of(System.getProperty(SCREENSHOT_DIR, "target/screenshots")).toAbsolutePath();
    }

    /** A new headless Chromium; {@code testClass} names its screenshots. */
    static Browser start(Class<?> testClass) {
        for (Path needed : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: the e2e-tests build installs Debian's chromium"
                        + " and chromium-driver (scripts/install-chromium.sh); run it, or apt-get install them");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("casebook-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile folder", e);
        }
        Path logs = Path.of(System.getProperty(Casebook.LOG_DIR, "target/e2e-logs")).toAbsolutePath();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logs.resolve("chromedriver-" + testClass.getSimpleName() + ".log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        try {
            Files.createDirectories(logs);
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(testClass.getSimpleName(), profile, service, driver);
        } catch (IOException | RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    void open(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String title() {
        return driver.getTitle();
    }

    /** Reloads the page, as a person pressing F5 would. */
    void reload() {
        driver.navigate().refresh();
    }

    /** Scrolls the page so that {@code element} is at the top of the window (before a screenshot of that part). */
    void scrollTo(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
    }

    /** The page's visible text. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Waits (at most 30 s) until an element is visible, and returns it. */
    WebElement waitFor(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits (at most 30 s) until the page's visible text contains {@code text}. */
    void waitForText(String text) {
        until(page -> text().contains(text));
    }

    /**
     * Waits (at most 30 s) until {@code condition} holds. An element that went stale because the page was replaced
     * meanwhile (a redirect, a re-render) is asked again on the next try, not a failure.
     */
    <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /**
     * Signs in on the Keycloak login page the browser shows (after a redirect from the console or Keycloak's
     * account page): fills the real form's username and password and submits it.
     */
    void signIn(String username, String password) {
        WebElement user = waitFor(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = find(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        find(By.id("kc-login")).click();
    }

    /**
     * Forgets every cookie of every site (a Keycloak session, say) and leaves the page: the next visit signs in
     * again.
     */
    void forgetSessions() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    // ---- keyboard

    /** Types into the focused element, as a keyboard would. */
    void type(CharSequence text) {
        new Actions(driver).sendKeys(text).perform();
    }

    void tab() {
        type(Keys.TAB);
    }

    void shiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    void enter() {
        type(Keys.ENTER);
    }

    void escape() {
        type(Keys.ESCAPE);
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * Presses Tab until the element {@code by} finds has the focus, as a keyboard user moves through a page (at
     * most {@code maxTabs} times); fails naming the elements it passed.
     */
    void tabTo(By by, int maxTabs) {
        moveFocusTo(by, maxTabs, "Tab", this::tab);
    }

    /** Presses Shift+Tab until the element {@code by} finds has the focus (backwards through the page). */
    void shiftTabTo(By by, int maxTabs) {
        moveFocusTo(by, maxTabs, "Shift+Tab", this::shiftTab);
    }

    private void moveFocusTo(By by, int maxTabs, String key, Runnable press) {
        WebElement target = waitFor(by);
        List<String> passed = new ArrayList<>();
        for (int tabs = 0; !target.equals(focused()); tabs++) {
            if (tabs == maxTabs) {
                throw new AssertionError(key + " did not reach " + by + " in " + maxTabs + " steps; focus went"
                        + " through " + passed);
            }
            press.run();
            WebElement now = focused();
            passed.add(now.getTagName() + "#" + now.getDomProperty("id"));
        }
    }

    // ---- artifacts and checks

    /** Saves what the browser shows as {@code <screenshot dir>/<TestClass>-<name>.png}; returns the file. */
    Path screenshot(String screen) {
        if (!screen.matches("[a-z0-9][a-z0-9-]{0,80}")) {
            throw new IllegalArgumentException("a screenshot name is lower-case words with dashes: " + screen);
        }
        Path file = screenshots.resolve(name + "-" + screen + ".png");
        try {
            Files.createDirectories(screenshots);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save screenshot " + file, e);
        }
        return file;
    }

    /**
     * axe-core's serious and critical violations on the page as it is now (rules of every tag axe-core runs by
     * default: WCAG 2.x A and AA and best practices). Empty when there is none.
     */
    List<Violation> accessibilityViolations() {
        return accessibility().stream().filter(violation -> FAILING_IMPACTS.contains(violation.impact())).toList();
    }

    /** Every axe-core violation on the page, whatever its impact. */
    List<Violation> accessibility() {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(axeScript());
        }
        Object answer = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.axe.run(document, {resultTypes: ['violations']})
                    .then(results => done(JSON.stringify(results.violations)))
                    .catch(error => done('axe-core failed: ' + error));
                """);
        String result = String.valueOf(answer);
        if (!result.startsWith("[")) {
            throw new IllegalStateException(result + " on " + url());
        }
        List<Violation> violations = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(result)) {
                List<String> targets = new ArrayList<>();
                for (JsonNode node : violation.path("nodes")) { // a selector per frame or shadow root on the way
                    List<String> selectors = new ArrayList<>();
                    node.path("target").forEach(selector -> selectors.add(selector.asText()));
                    targets.add(String.join(" >> ", selectors));
                }
                violations.add(new Violation(violation.path("id").asText(), violation.path("impact").asText(),
                        violation.path("help").asText(), violation.path("helpUrl").asText(), targets));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core answered something else than its results", e);
        }
        return violations;
    }

    /** The local folder for pages a test writes itself (served as file:// URLs). */
    static Path pageDir() {
        return Path.of(System.getProperty(PAGE_DIR, "target/browser-pages")).toAbsolutePath();
    }

    private String axeScript() {
        if (axeScript == null) {
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(AXE_RESOURCE + " is not on the class path (dependency"
                            + " com.deque.html.axe-core:selenium in e2e-tests/pom.xml)");
                }
                axeScript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + AXE_RESOURCE, e);
            }
        }
        return axeScript;
    }

    /** For what this class does not offer; prefer adding a method here. */
    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary profile left behind is harmless
        }
    }

    /** One axe-core rule the page breaks, where ({@code targets}: CSS selectors), and how to fix it (helpUrl). */
    record Violation(String id, String impact, String help, String helpUrl, List<String> targets) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " at " + String.join(", ", targets) + " - " + helpUrl;
        }
    }
}
