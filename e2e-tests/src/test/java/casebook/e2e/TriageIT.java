package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Assignment;
import casebook.client.model.CaseChange;
import casebook.client.model.CaseEvent;
import casebook.client.model.CaseStatus;
import casebook.client.model.CaseSummary;
import casebook.client.model.Escalation;
import casebook.client.model.Flag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static casebook.e2e.Flags.deviceOf;
import static casebook.e2e.Problems.refused;
import static casebook.e2e.Search.bySignal;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** An analyst takes a case from the queue: optimistic concurrency, the analysts' self-assignment rule, the audit trail. */
@EndToEnd
class TriageIT {
    private final Casebook casebook;
    private final CasebookApi anaSea;

    TriageIT(Casebook casebook) {
        this.casebook = casebook;
        this.anaSea = casebook.as("ana.sea");
    }

    @Test
    void anAnalystTakesACaseWithTheVersionSheSaw() throws Exception {
        Flag flag = Flags.brushing("SEA");
        UUID caseId = casebook.detector("detector-sea").raiseFlag(flag, null).getCaseId();
        eventually().until(() -> bySignal(anaSea, deviceOf(flag)).getTotal(), total -> total == 1);
        var seen = anaSea.getCaseWithHttpInfo(caseId, null, null);
        String eTag = header(seen.getHeaders(), "ETag");
        assertThat(eTag).isEqualTo("\"" + seen.getData().getVersion() + "\"");
        String correlationId = UUID.randomUUID().toString();
        String reason = "picking up from the P1 queue";

        var taken = anaSea.assignCaseWithHttpInfo(caseId, new Assignment().assignee("ana.sea").reason(reason), eTag, correlationId);

        assertThat(taken.getStatusCode()).isEqualTo(200);
        CaseChange change = taken.getData();
        assertThat(change.getCaseId()).isEqualTo(caseId);
        assertThat(change.getVersion()).isGreaterThan(seen.getData().getVersion());

        CaseSummary found = eventually().until(() -> bySignal(anaSea, deviceOf(flag)),
                r -> r.getTotal() == 1 && r.getItems().get(0).getStatus() == CaseStatus.IN_REVIEW).getItems().get(0);
        assertThat(found.getAssignee()).isEqualTo("ana.sea");
        assertThat(found.getVersion()).isEqualTo(change.getVersion());

        Problems stale = refused(() -> anaSea.assignCase(caseId, new Assignment().assignee("ana.sea"), eTag, null));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problem().getCurrentVersion()).isEqualTo(change.getVersion());

        CaseEvent assigned = single(anaSea.getCaseHistory(caseId, null, null).getEvents(), "CaseAssigned");
        assertThat(assigned.getActor()).isEqualTo("ana.sea");
        assertThat(assigned.getRegion()).isEqualTo("SEA");
        assertThat(assigned.getReason()).isEqualTo(reason);
        assertThat(assigned.getCorrelationId()).isEqualTo(correlationId);
        assertThat(assigned.getCausationId()).isNotBlank();
        assertThat(assigned.getSequence()).isEqualTo(change.getVersion());
    }

    @Test
    void anAnalystCannotAssignSomeoneElse() throws Exception {
        Flag flag = Flags.brushing("SEA");
        UUID caseId = casebook.detector("detector-sea").raiseFlag(flag, null).getCaseId();

        Problems refusal = refused(() -> anaSea.assignCase(caseId, new Assignment().assignee("ben"), null, null));

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.problem().getCode()).isNotBlank();
        assertThat(anaSea.getCaseHistory(caseId, null, null).getEvents()).extracting(CaseEvent::getType).doesNotContain("CaseAssigned");
    }

    @Test
    void anAnalystEscalatesToTheLeadWhoAloneTakesItBack() throws Exception {
        UUID caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();
        CasebookApi leeSea = casebook.as("lee.sea");

        anaSea.escalateCase(caseId, new Escalation().reason("30 shops share this device"), null, null);

        eventually().until(() -> anaSea.getCase(caseId, null, null).getEscalated(), Boolean.TRUE::equals);
        assertThat(refused(() -> anaSea.escalateCase(caseId, new Escalation().reason("again"), null, null)).status())
                .isEqualTo(422);
        assertThat(refused(() -> anaSea.deescalateCase(caseId, "mine now", null, null)).status()).isEqualTo(403);
        leeSea.deescalateCase(caseId, "handled by the ring task force", null, null);
        eventually().until(() -> anaSea.getCase(caseId, null, null).getEscalated(), Boolean.FALSE::equals);
        assertThat(anaSea.getCaseHistory(caseId, null, null).getEvents()).extracting(CaseEvent::getType)
                .containsSubsequence("CaseEscalated", "CaseDeescalated");
    }

    private static CaseEvent single(List<CaseEvent> events, String type) {
        List<CaseEvent> ofType = events.stream().filter(e -> type.equals(e.getType())).toList();
        assertThat(ofType).as("%s events", type).hasSize(1);
        return ofType.get(0);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
    }
}
