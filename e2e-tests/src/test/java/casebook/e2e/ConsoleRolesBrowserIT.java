package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Assignment;
import casebook.client.model.Authority;
import casebook.client.model.Case;
import casebook.client.model.CaseEvent;
import casebook.client.model.CaseStatus;
import casebook.client.model.DecisionProposal;
import casebook.client.model.EnforcementAction;
import casebook.client.model.Escalation;
import casebook.client.model.Flag;
import casebook.client.model.LegalHold;
import casebook.client.model.NewNote;
import casebook.client.model.NewRegulatoryRequest;
import casebook.client.model.PlannedAction;
import casebook.client.model.RegulatoryDocument;
import casebook.client.model.RegulatoryRequestKind;
import casebook.client.model.RegulatoryScope;
import casebook.client.model.Subject;
import casebook.client.model.SubjectKind;
import casebook.client.model.Verdict;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's screens for the roles beside analysts and leads (ConsoleBrowserIT has those), in a real Chromium
 * against the real service and Keycloak login page, each opened by the person who uses it: an auditor reads a case
 * as of an instant with her reason, downloads its export and finds her read in the audit; legal finds a regulatory
 * request, accepts it and prepares a disclosure package that a second legal user approves; privacy's erasure is
 * refused naming the legal hold; support files an appeal and an analyst who did not decide the case reviews it next
 * to the related-cases graph; an analyst's open case page shows another person's note without a reload; an admin's
 * index rebuild runs to SUCCEEDED. Each screen is saved ({@code target/screenshots/ConsoleRolesBrowserIT-<screen>.png})
 * and checked with axe-core: no serious or critical violation on any.
 * <p>
 * One browser for the class; each person signs in once through the login form (the tests' order keeps it so; each
 * test creates its own data through the API).
 */
@EndToEnd
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleRolesBrowserIT extends ConsoleBrowserTest {

    private final Casebook casebook;
    private final CasebookApi anaSea;
    private final CasebookApi lex;

    ConsoleRolesBrowserIT(Casebook casebook) {
        this.casebook = casebook;
        this.anaSea = casebook.as("ana.sea");
        this.lex = casebook.as("lex");
    }

    @Test
    @Order(1)
    void anAuditorReadsACaseAsOfAnInstantWithHerReasonAndFindsHerReadInTheAudit() throws Exception {
        UUID caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();
        long assigned = anaSea.assignCase(caseId, new Assignment().assignee("ana.sea"), null, null).getVersion();
        eventually().until(() -> anaSea.getCase(caseId, null, null), c -> c.getVersion() >= assigned);
        OffsetDateTime at = anaSea.getCaseHistory(caseId, null, null).getEvents().stream()
                .filter(e -> e.getSequence() == assigned).findFirst().map(CaseEvent::getOccurredAt).orElseThrow();
        // the console's picker has whole seconds: the next one after the assignment, the escalation after it
        OffsetDateTime then = at.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(5))
                .until(() -> OffsetDateTime.now().isAfter(then.plusNanos(100_000_000)));
        anaSea.escalateCase(caseId, new Escalation().reason("Organised ring across shops."), null, null);
        String reason = "SAR-" + Flags.unique("audit");

        openAs("aude.sea", "cases/" + caseId);
        heading("Case " + caseId);
        browser.open(console + "cases/" + caseId + "/history?asOf="
                + then.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT));
        heading("History of case " + caseId);
        browser.find(By.id("history-reason")).sendKeys(reason);
        browser.find(button("Show the history")).click();
        heading("Case " + caseId + " as of");
        WebElement events = browser.waitFor(By.id("events-title"));
        assertThat(events.getText()).isEqualTo("Events up to then (" + (assigned + 1) + ")");
        assertThat(browser.find(By.id("then-title")).getText()).isEqualTo("The case then");
        String state = browser.find(By.cssSelector(".history-layout dl.facts")).getText();
        assertThat(state).contains("In review").contains("ana.sea").doesNotContain("escalated");
        assertThat(browser.text()).doesNotContain("Organised ring across shops.");
        screen("history-as-of");

        browser.find(button("Download the export bundle")).click();
        browser.waitForText("The export of case " + caseId + " is downloaded");
        screen("history-exported");

        browser.find(navLink("Audit")).click();
        heading("Audit");
        browser.waitFor(By.id("reads-case")).sendKeys(caseId.toString());
        browser.find(button("Show the reads")).click();
        browser.waitForText(reason);
        assertThat(browser.url()).contains("caseId=" + caseId);
        String reads = browser.find(By.xpath("//table[starts-with(normalize-space(caption), 'Reads')]")).getText();
        assertThat(reads).contains("aude.sea").contains("getCaseHistory").contains("exportCase");
        screen("audit");
    }

    @Test
    @Order(2)
    void legalFindsARequestAcceptsItAndPreparesAPackageASecondLegalUserApproves() throws Exception {
        Flag flag = Flags.brushing("SEA");
        UUID caseId = casebook.detector("detector-sea").raiseFlag(flag, null).getCaseId();
        String authority = Flags.unique("Authority");
        String requestId = Flags.unique("e2e-console");
        lex.createRegulatoryRequest(request(requestId, authority, Flags.shopOf(flag), caseId), null);

        openAs("lex", "regulatory-requests");
        heading("Regulatory requests");
        browser.find(By.id("regulatory-authority")).sendKeys(authority);
        browser.find(button("Search")).click();
        WebElement found = browser.waitFor(By.linkText(requestId));
        assertThat(browser.url()).contains("authority=");
        screen("regulatory-requests");

        found.click();
        heading("Regulatory request " + requestId);
        assertThat(browser.find(By.className("status-line")).getText()).startsWith("Received");
        browser.find(button("Accept the request")).click();
        browser.waitForText("The request is accepted; the cases in its scope are held.");
        assertThat(browser.find(By.className("status-line")).getText()).startsWith("Accepted");
        browser.find(summary("Prepare a disclosure package")).click();
        assertThat(browser.find(By.id("disclosure-cases")).getDomProperty("value")).isEqualTo(caseId.toString());
        screen("regulatory-request");

        browser.find(button("Prepare the package")).click();
        heading("Disclosure package");
        browser.waitForText("You prepared this package: another legal user approves it");
        String disclosure = browser.url();
        assertThat(disclosure).contains("/regulatory-requests/" + requestId + "/disclosures/");
        assertThat(browser.find(By.className("status-line")).getText()).startsWith("Prepared");
        screen("disclosure-prepared");

        openAs("lena", disclosure.substring(disclosure.indexOf("/console/") + "/console/".length()));
        heading("Disclosure package");
        browser.find(button("Approve the package")).click();
        browser.waitForText("The package is approved; it is recorded on each of its cases.");
        assertThat(browser.find(By.className("status-line")).getText()).startsWith("Approved");
        assertThat(browser.text()).contains("lena");
        screen("disclosure-approved");
    }

    @Test
    @Order(3)
    void privacysErasureIsRefusedNamingTheLegalHold() throws Exception {
        Flag flag = Flags.brushing("SEA");
        UUID caseId = casebook.detector("detector-sea").raiseFlag(flag, null).getCaseId();
        String requestId = Flags.unique("e2e-console-hold");
        lex.createRegulatoryRequest(request(requestId, "Bundeskriminalamt", Flags.shopOf(flag), caseId), null);
        lex.acceptRegulatoryRequest(requestId, null, null);
        eventually().until(() -> lex.getCase(caseId, null, null).getHolds().stream().map(LegalHold::getRequestId)
                .toList(), holds -> holds.contains(requestId));

        openAs("priya", "erasure");
        heading("Erase a subject’s personal data");
        browser.find(By.id("erasure-id")).sendKeys(Flags.shopOf(flag));
        browser.find(By.id("erasure-reason")).sendKeys("Art. 17 request, ticket PRIV-812");
        browser.find(By.id("erasure-confirm")).click();
        browser.find(button("Erase")).click();
        browser.waitForText("Nothing was erased: a case of the subject is under a legal hold");
        String holds = browser.find(By.xpath("//table[caption='Legal holds on the subject’s cases']")).getText();
        assertThat(holds).contains(caseId.toString()).contains(requestId);
        screen("erasure-refused");
        assertThat(anaSea.getCase(caseId, null, null).getErasedAt()).isNull();
    }

    @Test
    @Order(4)
    void supportFilesAnAppealAndAnotherAnalystSeesAnotherPersonsNoteLiveAndReviewsIt() throws Exception {
        String device = Flags.unique("dev");
        UUID caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing(Flags.unique("shop"), "SEA", device),
                null).getCaseId();
        UUID related = casebook.detector("detector-sea").raiseFlag(Flags.brushing(Flags.unique("shop"), "SEA", device),
                null).getCaseId();
        anaSea.assignCase(caseId, new Assignment().assignee("ana.sea"), null, null);
        anaSea.proposeDecision(caseId, new DecisionProposal().verdict(Verdict.VIOLATION)
                .policyRefs(List.of("SELLER-POLICY-4.2")).rationale("14 fake orders from one device within an hour.")
                .actions(List.of(new PlannedAction().action(EnforcementAction.SUSPEND_SELLING)
                        .parameters(Map.of("days", "7")))), null, null);
        Case decided = eventually().until(() -> anaSea.getCase(caseId, null, null),
                c -> c.getStatus() == CaseStatus.DECIDED);
        // the flags' other signals are shared with other tests' cases: the related case is among them
        eventually().until(() -> anaSea.getRelatedCases(caseId).getItems().stream().map(r -> r.getCase().getCaseId())
                .toList(), ids -> ids.contains(related));
        String statement = "The orders were placed by a corporate buyer; invoices attached.";

        openAs("sam.sea", "appeals/new");
        heading("File an appeal");
        browser.find(By.id("appeal-case")).sendKeys(caseId.toString());
        browser.find(By.id("appeal-decision")).sendKeys(decided.getDecision().getDecisionId().toString());
        browser.find(By.id("appeal-statement")).sendKeys(statement);
        browser.find(button("File the appeal")).click();
        browser.waitForText("is filed on case " + caseId);
        screen("appeal-filed");
        eventually().until(() -> anaSea.getCase(caseId, null, null).getStatus(), CaseStatus.APPEALED::equals);

        // the open case page of the related case shows ana.sea's note without a reload (the page polls)
        openAs("nina.sea", "cases/" + related);
        heading("Case " + related);
        String note = "Same device as the appealed case; " + Flags.unique("note");
        anaSea.addNote(related, new NewNote().text(note), null, null);
        browser.waitForText(note);
        assertThat(browser.find(By.id("notes-title")).getText()).isEqualTo("Notes (1)");
        browser.scrollTo(browser.find(By.id("notes-title")));
        screen("case-live-update");

        browser.open(console + "cases/" + caseId);
        heading("Case " + caseId);
        browser.waitFor(By.cssSelector("svg.graph"));
        assertThat(browser.find(By.id("related-title")).findElement(By.xpath("..")).getText())
                .contains(related.toString());
        browser.scrollTo(browser.find(By.id("related-title")));
        screen("related-graph");

        assertThat(browser.find(By.id("appeals-title")).getText()).isEqualTo("Appeals (1)");
        assertThat(browser.text()).contains("Waiting for review").contains(statement);
        browser.find(By.id("appeal-rationale")).sendKeys("The invoices show a genuine corporate purchase.");
        browser.scrollTo(browser.find(By.id("actions-title")));
        screen("appeal-review");
        browser.find(button("Decide the appeal")).click();
        browser.waitForText("The appeal is decided.");
        assertThat(browser.text()).contains("Decided: Upheld").contains("Reviewed by nina.sea");
        screen("appeal-decided");
    }

    @Test
    @Order(5)
    void anAdminRebuildsTheSearchIndexAndFollowsItToSucceeded() {
        openAs("root.admin", "admin");
        heading("Search index");
        browser.find(button("Rebuild the search index")).click();
        By state = By.xpath("//dt[.='State']/following-sibling::dd[1]");
        String done = new WebDriverWait(browser.driver(), Duration.ofMinutes(3)).until(driver -> {
            try {
                List<WebElement> found = driver.findElements(state);
                String text = found.isEmpty() ? "" : found.get(0).getText();
                return text.equals("SUCCEEDED") || text.equals("FAILED") ? text : null;
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
        assertThat(done).isEqualTo("SUCCEEDED");
        assertThat(browser.present(By.id("rebuild-progress"))).isTrue();
        assertThat(browser.text()).contains("Done: searches answer from the new index.");
        screen("rebuild");
    }

    private static NewRegulatoryRequest request(String id, String authority, String shop, UUID caseId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new NewRegulatoryRequest()
                .requestId(id)
                .authority(new Authority().name(authority).jurisdiction("DE"))
                .legalBasis("§ 100g StPO")
                .kind(RegulatoryRequestKind.PRESERVATION_ORDER)
                .reference("REF-" + id)
                .receivedAt(now.minusHours(2))
                .dueAt(now.plusDays(14))
                .scope(new RegulatoryScope().subjects(List.of(new Subject().kind(SubjectKind.SELLER).id(shop)))
                        .caseIds(List.of(caseId)))
                .documents(List.of(new RegulatoryDocument().reference("s3://legal/" + id + "/order.pdf")
                        .sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
    }
}
