package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.api.CasebookApi.APISearchCasesRequest;
import casebook.client.model.CaseStatus;
import casebook.client.model.EnforcementAction;
import casebook.client.model.EnforcementState;
import casebook.client.model.Flag;
import casebook.devstack.DemoEnforcement;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static casebook.e2e.Search.bySignal;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console (services/console) in a real Chromium, against the real service and the real Keycloak login page, as
 * the regional team uses it: an analyst finds a case by a device id, takes it and proposes a ban; a lead approves
 * it from the approvals screen; the case page shows the ban applied by the demo enforcement system; a SEA analyst
 * opening a US case's address is told it is not found. The triage flow (open the queue, open a case, take it, add a
 * note) is done with the keyboard alone. Each screen is saved as a screenshot ({@code target/screenshots/
 * ConsoleBrowserIT-<screen>.png}) and checked with axe-core: no serious or critical violation on any of them,
 * action forms open and a field error shown included.
 * <p>
 * One browser for the class; each person signs in once through the login form (the tests run in an order that
 * keeps it so; each test still opens what it needs and does not depend on another's cases).
 */
@EndToEnd
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT extends ConsoleBrowserTest {
    private static final By QUEUE_LINK = navLink("Queue");
    private static final By SEARCH_LINK = navLink("Search");
    private static final By FIRST_CASE_IN_TABLE = By.cssSelector("table.cases tbody th a");
    private static final By BAN_STATE = By.xpath("//table[caption='Enforcement']/tbody/tr[th='Ban']/td[1]");

    private final Casebook casebook;
    private final CasebookApi anaSea;

    ConsoleBrowserIT(Casebook casebook) {
        this.casebook = casebook;
        this.anaSea = casebook.as("ana.sea");
    }

    @Test
    @Order(1)
    void anAnalystTriagesWithTheKeyboardAloneFromTheQueueToANoteOnTheCaseSheTook() throws Exception {
        Flag flag = Flags.brushing(Flags.unique("shop"), "SEA", Flags.unique("dev"));
        flag.getSignals().setIps(List.of(Flags.unique("ip"))); // no related case: its page stays short to tab through
        UUID caseId = raiseAndFind(flag);
        String note = "Same device as the refund ring of last week; asked payments for the card history.";

        openAs("ana.sea", "search");
        browser.waitFor(By.id("signal"));
        browser.tabTo(QUEUE_LINK, 10);
        browser.enter();
        heading("Queue of SEA");
        assertThat(browser.focused().getDomProperty("id")).as("focus moves to the new page").isEqualTo("main");
        browser.tabTo(FIRST_CASE_IN_TABLE, 10);
        String first = browser.focused().getText();
        screen("keyboard-queue");
        browser.enter();
        heading("Case " + first);

        browser.shiftTabTo(SEARCH_LINK, 5);
        browser.enter();
        browser.tabTo(By.id("signal"), 5);
        browser.type(Flags.deviceOf(flag));
        browser.enter();
        browser.waitForText("All 1 matches by status and category");
        browser.tabTo(By.linkText(caseId.toString()), 100);
        browser.enter();
        heading("Case " + caseId);

        browser.tabTo(button("Take the case"), 100);
        browser.enter();
        browser.waitForText("You took the case.");
        browser.tabTo(summary("Add a note"), 100);
        browser.enter();
        browser.tabTo(By.id("note-text"), 5);
        browser.type(note);
        browser.tab();
        assertThat(browser.focused().getText()).isEqualTo("Add the note");
        browser.enter();
        browser.waitForText("Your note is added.");
        assertThat(browser.find(By.id("notes-title")).getText()).isEqualTo("Notes (1)");
        assertThat(browser.text()).contains(note).contains("In review");
        browser.scrollTo(browser.find(By.id("notes-title")));
        screen("keyboard-note-added");

        var taken = eventually().until(() -> anaSea.getCase(caseId, null, null), c -> c.getNotes().size() == 1);
        assertThat(taken.getAssignee()).isEqualTo("ana.sea");
        assertThat(taken.getStatus()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(taken.getNotes()).singleElement().satisfies(n -> {
            assertThat(n.getText()).isEqualTo(note);
            assertThat(n.getAuthor()).isEqualTo("ana.sea");
        });
    }

    @Test
    @Order(2)
    void aSeaAnalystOpeningAUsCasesAddressIsToldItIsNotFound() throws Exception {
        Flag usFlag = Flags.brushing("US");
        UUID usCase = casebook.detector("detector-us").raiseFlag(usFlag, null).getCaseId();
        // the case is there for its own region: the SEA analyst's "not found" is the region wall, not a lag
        eventually().until(() -> casebook.as("ana.us").getCase(usCase, null, null).getCaseId(), usCase::equals);

        openAs("ana.sea", "cases/" + usCase);
        heading("Case not found");
        assertThat(browser.text()).contains("There is no case " + usCase + " that you can see.")
                .doesNotContain(Flags.shopOf(usFlag)).doesNotContain("Take the case");
        assertThat(browser.title()).isEqualTo("Case not found · Casebook");
        screen("case-not-found");

        browser.open(console + "no-such-screen");
        heading("Not found");
        screen("page-not-found");

        // the check sees the console's pages as they are (under the console's Content-Security-Policy): a button
        // without a name put into this one is a critical finding
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        page.executeScript("const b = document.createElement('button'); b.id = 'nameless';"
                + " document.body.appendChild(b);");
        assertThat(browser.accessibilityViolations()).extracting(Browser.Violation::id).contains("button-name");
        page.executeScript("document.getElementById('nameless').remove();");
        assertThat(browser.accessibilityViolations()).isEmpty();
    }

    @Test
    @Order(3)
    void anAnalystFindsACaseByADeviceTakesItAndProposesABanTheLeadApprovesAndTheCaseShowsItApplied() throws Exception {
        try (DemoEnforcement demo = new DemoEnforcement(casebook.servers().kafka().bootstrapServers(),
                DemoEnforcement.ORDERS_TOPIC, DemoEnforcement.RESULTS_TOPIC,
                "e2e-console-enforcement-" + UUID.randomUUID(), 0).startFromNowOn(Duration.ofSeconds(60))) {
            Flag flag = Flags.brushing("SEA");
            UUID caseId = raiseAndFind(flag);
            String id = caseId.toString();

            // the analyst: queue, search by the device id, the case
            openAs("ana.sea", "");
            heading("Queue of SEA");
            browser.waitFor(By.cssSelector("table.cases"));
            assertThat(browser.text()).contains("Backlog by status");
            screen("queue");

            browser.find(SEARCH_LINK).click();
            browser.waitFor(By.id("signal")).sendKeys(Flags.deviceOf(flag));
            browser.find(By.xpath("//button[@type='submit' and normalize-space()='Search']")).click();
            // until the answer comes, the page still shows the search without criteria (every case, this one too)
            browser.waitForText("All 1 matches by status and category");
            WebElement found = browser.waitFor(By.linkText(id));
            assertThat(browser.url()).contains("signal=" + Flags.deviceOf(flag));
            browser.scrollTo(browser.find(By.xpath("//fieldset[legend='Priority']"))); // the results in the picture
            screen("search");

            found.click();
            heading("Case " + id);
            assertThat(browser.find(By.className("status-line")).getText()).startsWith("Open");
            assertThat(browser.text()).contains(Flags.deviceOf(flag));
            screen("case-open");

            browser.find(button("Take the case")).click();
            browser.waitForText("You took the case.");
            assertThat(browser.find(By.className("status-line")).getText()).startsWith("In review");
            for (WebElement closed : browser.driver().findElements(By.cssSelector("details:not([open]) > summary"))) {
                closed.click();
            }
            assertThat(browser.driver().findElements(By.cssSelector("details:not([open])"))).isEmpty();
            browser.scrollTo(browser.find(By.id("actions-title")));
            screen("case-action-forms-open");

            // a ban without a rationale: the API's field error shows next to the field, nothing is proposed
            browser.find(By.cssSelector("input[name='actions'][value='BAN']")).click();
            browser.find(By.id("decision-policies")).sendKeys("SELLER-POLICY-4.2");
            browser.find(button("Propose")).click();
            WebElement rationaleErrors = browser.waitFor(By.id("decision-rationale-errors"));
            WebElement rationale = browser.find(By.id("decision-rationale"));
            assertThat(rationale.getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(rationale.getDomAttribute("aria-describedby")).contains("decision-rationale-errors");
            assertThat(rationaleErrors.getText()).isNotBlank();
            browser.scrollTo(browser.find(By.id("actions-title")));
            screen("case-field-error");

            rationale.sendKeys("Brushing ring: 14 fake orders from one device.");
            browser.find(button("Propose")).click();
            browser.waitForText("The decision is proposed.");
            assertThat(browser.find(By.id("decision-title")).getText()).isEqualTo("Proposed decision");
            assertThat(browser.text()).contains("needs a lead’s approval");
            screen("case-proposed");

            // the lead: approvals, the proposal, approve; the demo enforcement system applies the ban
            eventually().until(() -> casebook.as("lee.sea").searchCases(APISearchCasesRequest.newBuilder()
                    .signal(Flags.deviceOf(flag)).status(Set.of(CaseStatus.DECISION_PROPOSED)).build()).getTotal(),
                    total -> total == 1);
            openAs("lee.sea", "approvals");
            heading("Approvals and enforcement");
            WebElement waiting = browser.waitFor(By.linkText(id));
            screen("approvals");

            waiting.click();
            heading("Case " + id);
            WebElement approve = browser.waitFor(button("Approve the decision"));
            browser.find(summary("Send the decision back")).click();
            browser.scrollTo(browser.find(By.id("actions-title")));
            screen("case-review");

            approve.click();
            browser.waitForText("The decision is approved and takes effect.");
            String state = eventually().until(() -> {
                browser.reload();
                heading("Case " + id);
                return browser.find(BAN_STATE).getText();
            }, "Applied"::equals);
            assertThat(state).isEqualTo("Applied");
            assertThat(browser.find(By.className("status-line")).getText()).startsWith("Decided");
            screen("case-enforced");
            assertThat(anaSea.getCase(caseId, null, null).getDecision().getActions()).singleElement().satisfies(a -> {
                assertThat(a.getAction()).isEqualTo(EnforcementAction.BAN);
                assertThat(a.getState()).isEqualTo(EnforcementState.APPLIED);
            });

            browser.find(navLink("Metrics")).click();
            heading("Metrics of SEA");
            browser.waitForText("open cases missed an SLA deadline");
            screen("metrics");
        }
    }

    /** Raises {@code flag} as SEA's detection system and waits until the analyst's search finds its case. */
    private UUID raiseAndFind(Flag flag) throws Exception {
        UUID caseId = casebook.detector("detector-sea").raiseFlag(flag, null).getCaseId();
        eventually().until(() -> bySignal(anaSea, Flags.deviceOf(flag)).getTotal(), total -> total == 1);
        return caseId;
    }
}
