package casebook.benchmarks;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark 6: the console's two busiest screens as an analyst meets them, with at least {@value #OPEN_CASES} open
 * cases in region SEA. A real headless Chromium signs in as {@value Casebook#USER} through Keycloak's login page, then
 * opens the queue and the page of a case of {@value #CASE_FLAGS} flags (one subject flagged that many times, so a
 * timeline of as many events) by URL, over and over: each page load runs from the navigation until the screen is
 * usable, which is, after the next frame,
 * <ul>
 *   <li>the queue: its table has its rows ({@code table.cases > tbody > tr}) and the backlog its counts per status
 *   ({@code dl.counts dd});</li>
 *   <li>the case page: its timeline lists every event of the case ({@code ol.timeline > li}).</li>
 * </ul>
 * A script the browser runs at the start of every document (DevTools' {@code Page.addScriptToEvaluateOnNewDocument})
 * watches the page for that moment and keeps it, with the page's own resource timings of its API calls, which split a
 * page load into "before the first API call" (the console's document and script, its settings, keycloak-js's silent
 * sign-in through Keycloak and the code exchange), "API" (first call sent to last answer, as the browser saw it) and
 * "render". Alongside, taking turns with the page loads: the same screen reached from inside the console (a route
 * change, as a link does: no new document, no sign-in), and the API calls the screens make, timed directly
 * ({@code GET /api/v1/queue}; {@code GET /api/v1/cases/{id}}, then its history and related cases together, as the
 * case page asks them).
 */
final class ConsoleBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ConsoleBenchmark.class);
    static final int OPEN_CASES = 10_000;
    static final int CASE_FLAGS = 200;
    /** The queue screen's page size (services/console/src/pages/QueuePage.tsx), so the direct call asks the same. */
    static final int QUEUE_PAGE = 25;
    /** Direct API rounds per measured page-load round: they are cheap, and more samples steady their p95. */
    static final int API_ROUNDS_PER_LOAD = 3;
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final Duration USABLE_WITHIN = Duration.ofSeconds(30);

    /** One screen: page loads (with their split) and the same screen reached inside the console. */
    record Screen(Samples pageLoads, Samples beforeApi, Samples api, Samples render, Samples inApp) {
        Screen() {
            this(new Samples(), new Samples(), new Samples(), new Samples(), new Samples());
        }
    }

    record Result(long openCasesFound, int openedForIt, long openCases, String caseId, int events, int queueRows,
                  Screen queue, Screen casePage, Samples apiQueue, Samples apiCase, Samples apiHistory,
                  Samples apiRelated, Samples apiCaseScreen, int loads, int warmup, Machine.CpuUse cpu) {
    }

    private final Casebook casebook;
    private final FlagBenchmarks flags;
    private final String consoleUrl;
    private final Path data;

    /**
     * @param consoleUrl    the service's console, {@code http://host:port/console/}; Keycloak must let it sign in
     *                      ({@code KeycloakServer.allowConsoleAt})
     * @param data          the run's data folder: Chromium's profile and the driver's log go into it, so that the
     *                      CPU figures count Chromium as one of the run's own processes
     */
    ConsoleBenchmark(Casebook casebook, FlagBenchmarks flags, String consoleUrl, Path data) {
        this.casebook = casebook;
        this.flags = flags;
        this.consoleUrl = consoleUrl.endsWith("/") ? consoleUrl : consoleUrl + "/";
        this.data = data;
    }

    Result run(int loads, int warmup) throws Exception {
        casebook.refreshToken();
        long found = casebook.openCases();
        int opened = 0;
        if (found < OPEN_CASES) {
            opened = (int) (OPEN_CASES - found);
            log.info("The console: {} open cases in {}, opening {} more", found, Casebook.REGION, opened);
            flags.openSeaCases("c" + System.currentTimeMillis(), opened);
        }
        long open = awaitOpenCases(OPEN_CASES);

        Flags.Subject subject = new Flags.Subject(Casebook.REGION, "SELLER", "console-" + System.currentTimeMillis(),
                "BRUSHING", "dev-console", "ring-console");
        String caseId = flags.caseOf(subject, CASE_FLAGS);
        int events = awaitCaseRead(caseId, CASE_FLAGS);
        log.info("The console: {} open cases in {}; case {} of {} events", Report.number(open), Casebook.REGION, caseId,
                events);

        Screen queue = new Screen();
        Screen casePage = new Screen();
        Samples apiQueue = new Samples();
        Samples apiCase = new Samples();
        Samples apiHistory = new Samples();
        Samples apiRelated = new Samples();
        Samples apiCaseScreen = new Samples();
        int queueRows;
        Machine.CpuSnapshot measuring = null;
        Machine.CpuUse cpu;
        try (Chromium chromium = Chromium.start(data.resolve("chromium"))) {
            ChromeDriver driver = chromium.driver();
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", WATCH_SCRIPT.replace("EVENTS", Integer.toString(events))));
            signIn(driver);
            queueRows = awaitUsable(driver, System.currentTimeMillis(), "queue").path("rows").asInt();
            String caseUrl = consoleUrl + "cases/" + caseId;
            for (int round = 0; round < warmup + loads; round++) {
                boolean measured = round >= warmup;
                if (round == warmup) {
                    measuring = Machine.CpuSnapshot.now(data);
                }
                pageLoad(driver, consoleUrl, "queue", measured ? queue : null);
                pageLoad(driver, caseUrl, "case", measured ? casePage : null);
                inApp(driver, "/console/", "queue", events, measured ? queue : null);
                inApp(driver, "/console/cases/" + caseId, "case", events, measured ? casePage : null);
                for (int i = 0; i < API_ROUNDS_PER_LOAD; i++) {
                    apiRound(caseId, measured, apiQueue, apiCase, apiHistory, apiRelated, apiCaseScreen);
                }
            }
            cpu = Machine.CpuSnapshot.now(data).useSince(measuring); // Chromium still runs: counted as "chromium"
        }
        log.info("The console: queue usable p50 {} ms, p95 {} ms; case page of {} events p50 {} ms, p95 {} ms "
                        + "(page loads)", round(queue.pageLoads().millis(0.5)), round(queue.pageLoads().millis(0.95)),
                events, round(casePage.pageLoads().millis(0.5)), round(casePage.pageLoads().millis(0.95)));
        return new Result(found, opened, open, caseId, events, queueRows, queue, casePage, apiQueue, apiCase,
                apiHistory, apiRelated, apiCaseScreen, loads, warmup, cpu);
    }

    /** Waits until the queue (the index) counts at least {@code cases} open cases; answers its total. */
    private long awaitOpenCases(long cases) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            long open = casebook.openCases();
            if (open >= cases) {
                return open;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the queue counts " + open + " open cases in " + Casebook.REGION
                        + " after " + READY_WITHIN.toMinutes() + " min, not " + cases + ": see the service log");
            }
            Thread.sleep(500);
        }
    }

    /**
     * Waits until the API reads the case with all its flags (it reads cases from the index, which follows the event
     * store by up to a few seconds: until then a new case is not found); answers the number of events its history
     * lists.
     */
    private int awaitCaseRead(String caseId, int flagCount) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            HttpRequest request = casebook.apiCase(caseId);
            var response = casebook.http().send(request);
            JsonNode read = response.statusCode() == 404 ? Http.JSON.createObjectNode() : Http.parse(request, response);
            if (read.path("flagCount").asInt() >= flagCount) {
                int events = casebook.http().ok(casebook.apiHistory(caseId)).path("events").size();
                if (events < flagCount) {
                    throw new IllegalStateException("the history of case " + caseId + " lists " + events
                            + " events for " + flagCount + " flags");
                }
                return events;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the API reads case " + caseId + " with "
                        + (response.statusCode() == 404 ? "no" : read.path("flagCount").asText()) + " flags after "
                        + READY_WITHIN.toMinutes() + " min, not " + flagCount);
            }
            Thread.sleep(200);
        }
    }

    /** Through the real login page: the console sends the browser to Keycloak, which sends it back signed in. */
    private void signIn(ChromeDriver driver) {
        driver.get(consoleUrl);
        WebDriverWait wait = new WebDriverWait(driver, USABLE_WITHIN);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(Casebook.USER);
        driver.findElement(By.id("password")).sendKeys(Casebook.USER);
        driver.findElement(By.id("kc-login")).click();
    }

    /** Opens {@code url} as a new document and waits until the screen is usable; adds its times to {@code into}. */
    private void pageLoad(ChromeDriver driver, String url, String screen, Screen into) {
        long started = System.currentTimeMillis();
        driver.get(url);
        JsonNode seen = awaitUsable(driver, started, screen);
        if (into == null) {
            return;
        }
        double usable = seen.path("usableAt").asDouble();
        double origin = seen.path("origin").asDouble();
        double firstSent = Double.MAX_VALUE;
        double lastAnswered = 0;
        for (JsonNode call : seen.path("api")) {
            firstSent = Math.min(firstSent, origin + call.path("start").asDouble());
            lastAnswered = Math.max(lastAnswered, origin + call.path("end").asDouble());
        }
        if (lastAnswered == 0) {
            throw new IllegalStateException("the " + screen + " screen was usable before any API call: " + seen);
        }
        into.pageLoads().add(nanos(usable - started));
        into.beforeApi().add(nanos(firstSent - started));
        into.api().add(nanos(lastAnswered - firstSent));
        into.render().add(nanos(usable - lastAnswered));
    }

    /**
     * What the watch script saw in the document the navigation ended in. Until then the browser may still be in the
     * first document or on Keycloak's redirect, whose end interrupts the wait: it is asked again.
     */
    private JsonNode awaitUsable(ChromeDriver driver, long started, String screen) {
        long deadline = started + USABLE_WITHIN.toMillis();
        WebDriverException last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                JsonNode seen = Http.JSON.readTree(String.valueOf(driver.executeAsyncScript(AWAIT_SCRIPT,
                        Math.max(1, deadline - System.currentTimeMillis()))));
                if (seen.path("timeout").asBoolean()) {
                    break;
                }
                if (!screen.equals(seen.path("screen").asText())) {
                    throw new IllegalStateException("expected the " + screen + " screen, the browser shows "
                            + seen.path("screen").asText() + " at " + driver.getCurrentUrl());
                }
                return seen;
            } catch (WebDriverException e) {
                last = e; // the document went away while we waited: the redirect through Keycloak
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the watch script answered no JSON", e);
            }
        }
        throw new IllegalStateException("the " + screen + " screen was not usable within "
                + USABLE_WITHIN.toSeconds() + " s at " + driver.getCurrentUrl() + ": " + driver.getTitle()
                + (last == null ? "" : " (" + last.getMessage().lines().findFirst().orElse("") + ")"));
    }

    /** Reaches {@code path} inside the console (a route change, no new document) and times it until usable. */
    private void inApp(ChromeDriver driver, String path, String screen, int events, Screen into) {
        Object took = driver.executeAsyncScript(IN_APP_SCRIPT, path, screen, events, USABLE_WITHIN.toMillis());
        if (!(took instanceof Number millis) || millis.doubleValue() < 0) {
            throw new IllegalStateException("the " + screen + " screen was not usable within "
                    + USABLE_WITHIN.toSeconds() + " s after a route change to " + path);
        }
        if (into != null) {
            into.inApp().add(nanos(millis.doubleValue()));
        }
    }

    /** The screens' API calls: the queue; the case, then its history and related cases together. */
    private void apiRound(String caseId, boolean measured, Samples queue, Samples oneCase, Samples history,
                          Samples related, Samples caseScreen) {
        long started = System.nanoTime();
        casebook.http().ok(casebook.apiQueue(QUEUE_PAGE));
        long queued = System.nanoTime();
        casebook.http().ok(casebook.apiCase(caseId));
        long read = System.nanoTime();
        CompletableFuture<Long> historyDone = timed(casebook.apiHistory(caseId));
        CompletableFuture<Long> relatedDone = timed(casebook.apiRelated(caseId));
        long historyAt = historyDone.join();
        long relatedAt = relatedDone.join();
        if (measured) {
            queue.add(queued - started);
            oneCase.add(read - queued);
            history.add(historyAt - read);
            related.add(relatedAt - read);
            caseScreen.add(Math.max(historyAt, relatedAt) - queued);
        }
    }

    private CompletableFuture<Long> timed(HttpRequest request) {
        return casebook.http().sendAsync(request).thenApply(response -> {
            long at = System.nanoTime();
            Http.parse(request, response);
            return at;
        });
    }

    private static long nanos(double millis) {
        return Math.round(millis * 1_000_000);
    }

    private static long round(double millis) {
        return Math.round(millis);
    }

    /**
     * Runs at the start of every document: on a console page, notes when the queue or the case page (its timeline
     * with EVENTS items) is first in the DOM, and, after the next frame, when it is usable.
     */
    private static final String WATCH_SCRIPT = """
            (() => {
              if (!location.pathname.startsWith('/console/')) return;
              const bench = window.__casebookBench = {screen: '', rows: 0, renderedAt: 0, usableAt: 0};
              const shown = () => {
                const events = document.querySelectorAll('ol.timeline > li').length;
                if (events >= EVENTS) return ['case', events];
                const rows = document.querySelectorAll('table.cases > tbody > tr').length;
                if (rows > 0 && document.querySelector('dl.counts dd')) return ['queue', rows];
                return null;
              };
              const observer = new MutationObserver(() => {
                const seen = shown();
                if (!seen) return;
                observer.disconnect();
                bench.renderedAt = Date.now();
                [bench.screen, bench.rows] = seen;
                requestAnimationFrame(() => setTimeout(() => { bench.usableAt = Date.now(); }, 0));
              });
              observer.observe(document, {childList: true, subtree: true});
            })();
            """;

    /** Waits (in the page) for the watch script's finding; answers it with the page's API calls as JSON. */
    private static final String AWAIT_SCRIPT = """
            const [within, done] = arguments;
            const until = Date.now() + within;
            const wait = () => {
              const bench = window.__casebookBench;
              if (bench && bench.usableAt) {
                const cut = bench.usableAt - performance.timeOrigin;
                const api = performance.getEntriesByType('resource')
                  .filter(e => e.name.includes('/api/v1/') && e.startTime <= cut)
                  .map(e => ({path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd}));
                done(JSON.stringify({screen: bench.screen, rows: bench.rows, renderedAt: bench.renderedAt,
                  usableAt: bench.usableAt, origin: performance.timeOrigin, api}));
              } else if (Date.now() > until) {
                done(JSON.stringify({timeout: true}));
              } else {
                setTimeout(wait, 10);
              }
            };
            wait();
            """;

    /**
     * A route change inside the console, as a link makes one (history entry, then the router renders the new
     * screen), timed in the page until the screen is usable (after the next frame); -1 when it is not in time.
     */
    private static final String IN_APP_SCRIPT = """
            const [path, screen, events, within, done] = arguments;
            const started = performance.now();
            const shown = () => screen === 'case'
              ? document.querySelectorAll('ol.timeline > li').length >= events
              : document.querySelectorAll('table.cases > tbody > tr').length > 0
                && document.querySelector('dl.counts dd') !== null;
            const timer = setTimeout(() => { observer.disconnect(); done(-1); }, within);
            const observer = new MutationObserver(() => {
              if (!shown()) return;
              observer.disconnect();
              clearTimeout(timer);
              requestAnimationFrame(() => setTimeout(() => done(performance.now() - started), 0));
            });
            observer.observe(document.body, {childList: true, subtree: true});
            history.pushState(null, '', path);
            dispatchEvent(new PopStateEvent('popstate', {state: null}));
            """;
}
