package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.ActionRuling;
import casebook.client.model.Appeal;
import casebook.client.model.AppealChannel;
import casebook.client.model.AppealOutcome;
import casebook.client.model.AppealReview;
import casebook.client.model.Assignment;
import casebook.client.model.Case;
import casebook.client.model.CaseChange;
import casebook.client.model.CaseEvent;
import casebook.client.model.CaseStatus;
import casebook.client.model.DecisionProposal;
import casebook.client.model.EnforcementAction;
import casebook.client.model.EnforcementState;
import casebook.client.model.NewAppeal;
import casebook.client.model.OrderedAction;
import casebook.client.model.PlannedAction;
import casebook.client.model.Ruling;
import casebook.client.model.Verdict;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static casebook.e2e.Problems.refused;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appeals (DSA Art. 20, invariant 6) through the generated client with real tokens: support files an appeal of a
 * decided violation once, however often it is sent; neither the analyst who decided nor the lead who approved may
 * review it; another analyst overturns it and the case shows the outcome; the subject received the statement of
 * reasons with the orders and then the outcome, every overturned action is reversed by an order on the enforcement
 * topic whose result comes back, and model owners get an OVERTURNED_ON_APPEAL label. The seller/creator centre's appeal over
 * Kafka lands the same way; an analyst of another region finds none of it.
 */
@EndToEnd
class AppealsIT {
    private static final String APPEALS_TOPIC = "casebook.appeals.v1";

    private final Casebook casebook;
    private final CasebookApi anaSea;
    private final CasebookApi leeSea;
    private final CasebookApi ninaSea;
    private final CasebookApi samSea;

    AppealsIT(Casebook casebook) {
        this.casebook = casebook;
        this.anaSea = casebook.as("ana.sea");
        this.leeSea = casebook.as("lee.sea");
        this.ninaSea = casebook.as("nina.sea");
        this.samSea = casebook.as("sam.sea");
    }

    @Test
    void supportAppealsOnceAndAnotherAnalystThanTheDecidersOverturns() throws Exception {
        UUID caseId = decided(true);
        Case decided = caseWith(anaSea, caseId, CaseStatus.DECIDED, 0);
        UUID decisionId = decided.getDecision().getDecisionId();
        NewAppeal appeal = new NewAppeal().appealId("support-" + UUID.randomUUID()).decisionId(decisionId)
                .statement("The orders were placed by a corporate buyer; invoices attached.")
                .evidenceRefs(List.of("s3://appeals/sea/invoices.pdf")).channel(AppealChannel.SUPPORT);

        CaseChange filed = samSea.fileAppeal(caseId, appeal, null, null);
        CaseChange again = samSea.fileAppeal(caseId, appeal, null, null);

        assertThat(again.getVersion()).isEqualTo(filed.getVersion());
        Case appealed = caseWith(anaSea, caseId, CaseStatus.APPEALED, filed.getVersion());
        assertThat(appealed.getAppeals()).hasSize(1);
        assertThat(appealed.getAppeals().get(0).getStatus()).isEqualTo(Appeal.StatusEnum.FILED);
        assertThat(appealed.getNextDueAt()).isEqualTo(appealed.getAppeals().get(0).getReviewDueAt());
        assertThat(anaSea.getCaseHistory(caseId, null, null).getEvents()).extracting(CaseEvent::getType)
                .filteredOn("AppealFiled"::equals).hasSize(1);
        assertThat(refused(() -> casebook.system("appeals-sea").fileAppeal(caseId,
                new NewAppeal().appealId("centre-" + UUID.randomUUID()).decisionId(decisionId).statement("again")
                        .channel(AppealChannel.SUBJECT_CENTRE), null, null)).problem().getCode())
                .isEqualTo("already-appealed");

        List<UUID> actions = decided.getDecision().getActions().stream().map(OrderedAction::getActionId).toList();
        AppealReview overturn = new AppealReview().rationale("The invoices show a genuine corporate purchase.")
                .rulings(actions.stream().map(a -> new ActionRuling().actionId(a).ruling(Ruling.OVERTURNED)).toList());
        String appealId = appeal.getAppealId();
        assertThat(refused(() -> anaSea.decideAppeal(caseId, appealId, overturn, null, null)).status()).isEqualTo(403);
        assertThat(refused(() -> leeSea.decideAppeal(caseId, appealId, overturn, null, null)).status()).isEqualTo(403);
        assertThat(refused(() -> samSea.decideAppeal(caseId, appealId, overturn, null, null)).status()).isEqualTo(403);

        CaseChange reviewed = ninaSea.decideAppeal(caseId, appealId, overturn, "\"" + filed.getVersion() + "\"", null);

        Case overturned = caseWith(ninaSea, caseId, CaseStatus.DECIDED, reviewed.getVersion());
        Appeal shown = overturned.getAppeals().get(0);
        assertThat(shown.getStatus()).isEqualTo(Appeal.StatusEnum.DECIDED);
        assertThat(shown.getOutcome()).isEqualTo(AppealOutcome.OVERTURNED);
        assertThat(shown.getReviewedBy()).isEqualTo("nina.sea");
        assertThat(shown.getChannel()).isEqualTo(AppealChannel.SUPPORT);
        assertThat(shown.getFiledBy()).isEqualTo("sam.sea");
        assertThat(shown.getRulings()).extracting(ActionRuling::getRuling).containsOnly(Ruling.OVERTURNED);
        // every overturned action is reversed by an order of its own (invariant 7)
        assertThat(overturned.getDecision().getActions()).extracting(OrderedAction::getReverses)
                .filteredOn(r -> r != null).containsExactlyInAnyOrderElementsOf(actions);
        assertThat(overturned.getDecision().getStatementOfReasons().getAppealBy()).isNotNull();

        // what went out: the statement with the orders, then reversal orders, their results back, labels, the outcome
        EnforcementTopic topics = casebook.enforcementTopic();
        List<EnforcementTopic.Order> orders = topics.ordersOf(caseId, actions.size() * 2, Duration.ofSeconds(60),
                Duration.ZERO);
        List<EnforcementTopic.Order> reversals = orders.stream()
                .filter(o -> "REVERSAL".equals(o.value().path("kind").asText())).toList();
        assertThat(reversals).extracting(o -> UUID.fromString(o.value().path("reverses").asText()))
                .containsExactlyInAnyOrderElementsOf(actions);
        assertThat(reversals).extracting(o -> o.value().path("appealId").asText()).containsOnly(appealId);
        reversals.forEach(r -> topics.report(r, "APPLIED", null));
        Case reversed = eventually().until(() -> anaSea.getCase(caseId, null, null), c -> c.getDecision().getActions().stream()
                .filter(a -> a.getReverses() != null).allMatch(a -> a.getState() == EnforcementState.APPLIED));
        assertThat(reversed.getDecision().getActions()).filteredOn(a -> a.getReverses() != null).hasSize(actions.size());
        List<EnforcementTopic.Order> notices = topics.noticesOf(caseId, 2, Duration.ofSeconds(60), Duration.ZERO);
        assertThat(notices).extracting(n -> n.value().path("kind").asText())
                .containsExactly("STATEMENT_OF_REASONS", "APPEAL_OUTCOME");
        assertThat(notices.get(0).value().path("statement").path("appealBy").asText()).isNotBlank();
        assertThat(notices.get(1).value().path("appealOutcome").path("outcome").asText()).isEqualTo("OVERTURNED");
        assertThat(topics.labelsOf(caseId, 2, Duration.ofSeconds(60), Duration.ZERO))
                .extracting(l -> l.value().path("outcome").asText()).contains("OVERTURNED_ON_APPEAL");

        // another region's people find none of it
        CasebookApi anaUs = casebook.as("ana.us");
        assertThat(refused(() -> anaUs.getCase(caseId, null, null)).status()).isEqualTo(404);
        assertThat(refused(() -> anaUs.decideAppeal(caseId, appealId, overturn, null, null)).status()).isEqualTo(404);
        assertThat(refused(() -> casebook.as("sam.us").fileAppeal(caseId, appeal, null, null)).status()).isEqualTo(404);
    }

    @Test
    void theSubjectCentresAppealOverKafkaLandsOnce() throws Exception {
        UUID caseId = decided(false);
        Case decided = caseWith(anaSea, caseId, CaseStatus.DECIDED, 0);
        String appealId = "centre-" + UUID.randomUUID();
        String record = """
                {"appealId": "%s", "caseId": "%s", "decisionId": "%s", "region": "SEA",
                 "subject": {"kind": "%s", "id": "%s"}, "statement": "I shipped every order.",
                 "evidenceRefs": ["s3://centre/sea/tracking.csv"]}"""
                .formatted(appealId, caseId, decided.getDecision().getDecisionId(), decided.getSubject().getKind(),
                        decided.getSubject().getId());

        publish(caseId, record);
        publish(caseId, record);

        Case appealed = caseWith(anaSea, caseId, CaseStatus.APPEALED, decided.getVersion() + 1);
        assertThat(appealed.getAppeals()).singleElement().satisfies(a -> {
            assertThat(a.getAppealId()).isEqualTo(appealId);
            assertThat(a.getChannel()).isEqualTo(AppealChannel.SUBJECT_CENTRE);
            assertThat(a.getFiledBy()).isEqualTo("kafka:casebook.appeals.v1");
        });
        assertThat(refused(() -> casebook.as("ana.us").getCase(caseId, null, null)).status()).isEqualTo(404);
        // the region's queue holds the appeal to review
        assertThat(eventually().until(() -> anaSea.getQueue(0, 100).getItems(),
                items -> items.stream().anyMatch(i -> i.getCaseId().equals(caseId)))).isNotEmpty();
    }

    /** A SEA case decided as a violation by ana.sea: a ban approved by lee.sea, or a suspension taking effect at once. */
    private UUID decided(boolean withApproval) throws Exception {
        UUID caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();
        anaSea.assignCase(caseId, new Assignment().assignee("ana.sea"), null, null);
        List<PlannedAction> actions = withApproval
                ? List.of(new PlannedAction().action(EnforcementAction.SUSPEND_SELLING).parameters(Map.of("days", "30")),
                new PlannedAction().action(EnforcementAction.BAN))
                : List.of(new PlannedAction().action(EnforcementAction.SUSPEND_SELLING).parameters(Map.of("days", "7")));
        anaSea.proposeDecision(caseId, new DecisionProposal().verdict(Verdict.VIOLATION)
                .policyRefs(List.of("SELLER-POLICY-4.2")).rationale("14 fake orders from one device within an hour.")
                .actions(actions), null, null);
        if (withApproval) {
            leeSea.approveDecision(caseId, null, null);
        }
        return caseId;
    }

    private void publish(UUID caseId, String value) {
        KafkaRecords.send(casebook.servers().kafka().bootstrapServers(),
                new ProducerRecord<>(APPEALS_TOPIC, caseId.toString(), value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Case caseWith(CasebookApi api, UUID caseId, CaseStatus status, long atLeast) {
        return eventually().until(() -> api.getCase(caseId, null, null),
                c -> c.getStatus() == status && c.getVersion() >= atLeast);
    }
}
