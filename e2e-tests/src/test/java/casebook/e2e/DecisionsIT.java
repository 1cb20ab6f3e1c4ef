package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Assignment;
import casebook.client.model.Case;
import casebook.client.model.CaseChange;
import casebook.client.model.CaseEvent;
import casebook.client.model.CaseStatus;
import casebook.client.model.Decision;
import casebook.client.model.DecisionProposal;
import casebook.client.model.DecisionSendBack;
import casebook.client.model.DismissalLabel;
import casebook.client.model.EnforcementAction;
import casebook.client.model.OrderedAction;
import casebook.client.model.PlannedAction;
import casebook.client.model.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static casebook.e2e.Problems.refused;
import static casebook.e2e.Search.atLeast;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Deciding a case: only the assignee proposes, severe actions need a second person with the lead role. */
@EndToEnd
class DecisionsIT {
    private final Casebook casebook;
    private final CasebookApi anaSea;
    private final CasebookApi leeSea;

    DecisionsIT(Casebook casebook) {
        this.casebook = casebook;
        this.anaSea = casebook.as("ana.sea");
        this.leeSea = casebook.as("lee.sea");
    }

    @Test
    void anAnalystProposesABanAndALeadApprovesIt() throws Exception {
        UUID caseId = caseAssignedTo("SEA", "ana.sea", anaSea);

        CaseChange proposed = anaSea.proposeDecision(caseId, ban(), null, null);
        Case pending = caseWith(anaSea, caseId, CaseStatus.DECISION_PROPOSED);
        assertThat(pending.getDecision().getState()).isEqualTo(Decision.StateEnum.PROPOSED);
        assertThat(pending.getDecision().getApprovalRequired()).isTrue();
        assertThat(pending.getDecision().getProposedBy()).isEqualTo("ana.sea");

        CaseChange approved = leeSea.approveDecision(caseId, eTag(proposed.getVersion()), null);

        // the decision and its statement of reasons (DSA Art. 17)
        assertThat(approved.getVersion()).isEqualTo(proposed.getVersion() + 2);
        Decision taken = caseWith(anaSea, caseId, CaseStatus.DECIDED).getDecision();
        assertThat(taken.getState()).isEqualTo(Decision.StateEnum.TAKEN);
        assertThat(taken.getApprovedBy()).isEqualTo("lee.sea");
        assertThat(taken.getPolicyRefs()).containsExactly("SELLER-POLICY-4.2");
        assertThat(taken.getActions()).extracting(OrderedAction::getAction)
                .containsExactly(EnforcementAction.SUSPEND_SELLING, EnforcementAction.BAN);
        assertThat(taken.getActions()).extracting(OrderedAction::getActionId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(taken.getActions().get(0).getParameters()).containsEntry("days", "30");
        List<CaseEvent> history = anaSea.getCaseHistory(caseId, null, null).getEvents();
        CaseEvent decided = history.get(history.size() - 2);
        assertThat(decided.getType()).isEqualTo("CaseDecided");
        assertThat(decided.getActor()).isEqualTo("lee.sea");
        assertThat(last(history).getType()).isEqualTo("StatementOfReasonsIssued");

        List<EnforcementTopic.Order> orders = casebook.enforcementTopic()
                .ordersOf(caseId, 2, Duration.ofSeconds(60), Duration.ofSeconds(2));
        assertThat(orders).extracting(EnforcementTopic.Order::actionId)
                .containsExactlyInAnyOrderElementsOf(taken.getActions().stream().map(a -> a.getActionId().toString()).toList());
        EnforcementTopic.Order ban = orders.stream().filter(o -> o.value().path("action").asText().equals("BAN"))
                .findFirst().orElseThrow();
        assertThat(ban.key()).isEqualTo(pending.getSubject().getId());
        assertThat(ban.value().path("approvedBy").asText()).isEqualTo("lee.sea");
        assertThat(ban.value().path("decidedBy").asText()).isEqualTo("ana.sea");
        assertThat(ban.value().path("region").asText()).isEqualTo("SEA");
        assertThat(ban.value().path("policyRefs").get(0).asText()).isEqualTo("SELLER-POLICY-4.2");

        JsonNode label = casebook.enforcementTopic().labelsOf(caseId, 1, Duration.ofSeconds(60), Duration.ofSeconds(1))
                .get(0).value();
        assertThat(label.path("outcome").asText()).isEqualTo("CONFIRMED");
        assertThat(label.path("flags").get(0).path("source").path("id").asText()).isEqualTo("brushing-detector");
        assertThat(label.path("flags").get(0).path("source").path("version").asText()).isEqualTo("3.2.0");
        assertThat(label.path("decisionId").asText()).isEqualTo(taken.getDecisionId().toString());
    }

    @Test
    void aDismissalOrdersNothing() throws Exception {
        UUID caseId = caseAssignedTo("SEA", "ana.sea", anaSea);
        UUID control = caseAssignedTo("SEA", "ana.sea", anaSea);
        anaSea.proposeDecision(caseId, new DecisionProposal().verdict(Verdict.NO_VIOLATION)
                .rationale("Not brushing.").label(DismissalLabel.INSUFFICIENT_EVIDENCE), null, null);
        anaSea.proposeDecision(control, new DecisionProposal().verdict(Verdict.VIOLATION)
                .policyRefs(List.of("SELLER-POLICY-1.1")).rationale("Warned.")
                .actions(List.of(new PlannedAction().action(EnforcementAction.WARN))), null, null);

        // the publisher is running (the warning arrives); the dismissal orders nothing
        assertThat(casebook.enforcementTopic().ordersOf(control, 1, Duration.ofSeconds(60), Duration.ZERO)).hasSize(1);
        assertThat(casebook.enforcementTopic().ordersOf(caseId, 0, Duration.ofSeconds(60), Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void aProposerWhoIsALeadCannotApproveTheirOwnProposal() throws Exception {
        UUID caseId = caseAssignedTo("SEA", "lee.sea", leeSea);
        CaseChange proposed = leeSea.proposeDecision(caseId, ban(), null, null);

        Problems refusal = refused(() -> leeSea.approveDecision(caseId, eTag(proposed.getVersion()), null));

        assertThat(refusal.status()).isEqualTo(403);
        assertThat(refusal.problem().getDetail()).contains("four eyes");
        assertThat(anaSea.getCaseHistory(caseId, null, null).getEvents()).extracting(CaseEvent::getType).doesNotContain("CaseDecided");
    }

    @Test
    void aStaleVersionIsRefusedWithTheCurrentOne() throws Exception {
        UUID caseId = caseAssignedTo("SEA", "ana.sea", anaSea);
        long current = anaSea.getCaseHistory(caseId, null, null).getEvents().size() - 1L;

        Problems stale = refused(() -> anaSea.proposeDecision(caseId, ban(), eTag(current - 1), null));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problem().getCurrentVersion()).isEqualTo(current);
        assertThat(anaSea.getCaseHistory(caseId, null, null).getEvents()).hasSize((int) current + 1);
    }

    @Test
    void aLeadOfAnotherRegionFindsNothingToApprove() throws Exception {
        CasebookApi anaUs = casebook.as("ana.us");
        UUID caseId = caseAssignedTo("US", "ana.us", anaUs);
        anaUs.proposeDecision(caseId, ban(), null, null);

        Problems refusal = refused(() -> leeSea.approveDecision(caseId, null, null));

        assertThat(refusal.status()).isEqualTo(404);
        casebook.as("lee.us").approveDecision(caseId, null, null);
        assertThat(caseWith(anaUs, caseId, CaseStatus.DECIDED).getDecision().getApprovedBy()).isEqualTo("lee.us");
    }

    @Test
    void onlyTheAssigneeProposesAndOnlyOnAnAssignedCase() throws Exception {
        UUID unassigned = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();
        Problems notAssigned = refused(() -> anaSea.proposeDecision(unassigned, ban(), null, null));
        assertThat(notAssigned.status()).isEqualTo(422);
        assertThat(notAssigned.problem().getCode()).isEqualTo("case-not-assigned");

        UUID caseId = caseAssignedTo("SEA", "ana.sea", anaSea);
        Problems notAssignee = refused(() -> leeSea.proposeDecision(caseId, ban(), null, null));
        assertThat(notAssignee.status()).isEqualTo(403);
    }

    @Test
    void actionsMustFitTheSubjectKind() throws Exception {
        UUID caseId = caseAssignedTo("SEA", "ana.sea", anaSea);
        DecisionProposal cancelOrder = new DecisionProposal().verdict(Verdict.VIOLATION).policyRefs(List.of("P-1"))
                .rationale("wrong kind").actions(List.of(new PlannedAction().action(EnforcementAction.CANCEL_ORDER)));

        Problems refusal = refused(() -> anaSea.proposeDecision(caseId, cancelOrder, null, null));

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.problem().getCode()).isEqualTo("action-not-for-subject-kind");
    }

    @Test
    void aDismissalTakesEffectAtOnceAndASentBackProposalCanBeRedone() throws Exception {
        UUID caseId = caseAssignedTo("SEA", "ana.sea", anaSea);
        CaseChange proposed = anaSea.proposeDecision(caseId, ban(), null, null);
        CaseChange sentBack = leeSea.sendBackDecision(caseId,
                new DecisionSendBack().comments("Attach the device report first."), eTag(proposed.getVersion()), null);
        // IN_REVIEW was also the status before the proposal: wait for the send-back itself
        Case inReview = atLeast(anaSea, caseId, sentBack.getVersion());
        assertThat(inReview.getStatus()).isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(inReview.getDecision()).isNull();

        anaSea.proposeDecision(caseId, new DecisionProposal().verdict(Verdict.NO_VIOLATION)
                .rationale("Orders came from a verified corporate buyer.").label(DismissalLabel.FALSE_POSITIVE), null, null);

        Decision dismissal = caseWith(anaSea, caseId, CaseStatus.DISMISSED).getDecision();
        assertThat(dismissal.getVerdict()).isEqualTo(Verdict.NO_VIOLATION);
        assertThat(dismissal.getLabel()).isEqualTo(DismissalLabel.FALSE_POSITIVE);
        assertThat(dismissal.getApprovalRequired()).isFalse();
        var labels = casebook.enforcementTopic().labelsOf(caseId, 1, Duration.ofSeconds(60), Duration.ofSeconds(1));
        assertThat(labels).hasSize(1);
        assertThat(labels.get(0).value().path("outcome").asText()).isEqualTo("FALSE_POSITIVE");
        assertThat(labels.get(0).value().path("flags")).hasSize(1);
    }

    private UUID caseAssignedTo(String region, String user, CasebookApi api) throws Exception {
        String detector = "detector-" + region.toLowerCase();
        UUID caseId = casebook.detector(detector).raiseFlag(Flags.brushing(region), null).getCaseId();
        api.assignCase(caseId, new Assignment().assignee(user), null, null);
        return caseId;
    }

    private static DecisionProposal ban() {
        return new DecisionProposal().verdict(Verdict.VIOLATION).policyRefs(List.of("SELLER-POLICY-4.2"))
                .rationale("14 fake orders from one device within an hour.")
                .actions(List.of(new PlannedAction().action(EnforcementAction.SUSPEND_SELLING).parameters(Map.of("days", "30")),
                        new PlannedAction().action(EnforcementAction.BAN)));
    }

    private static Case caseWith(CasebookApi api, UUID caseId, CaseStatus status) {
        return eventually().until(() -> api.getCase(caseId, null, null), c -> c.getStatus() == status);
    }

    private static CaseEvent last(List<CaseEvent> events) {
        return events.get(events.size() - 1);
    }

    private static String eTag(long version) {
        return "\"" + version + "\"";
    }
}
