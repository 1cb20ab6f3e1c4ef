package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.CaseEvent;
import casebook.client.model.CaseSummary;
import casebook.client.model.Flag;
import casebook.client.model.FlagReceipt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static casebook.e2e.Flags.deviceOf;
import static casebook.e2e.Search.bySignal;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Invariant 1: a flag takes effect once, however often and over whichever channel it arrives. */
@EndToEnd
class FlagOnceIT {
    private final Casebook casebook;
    private final CasebookApi detector;
    private final CasebookApi analyst;

    FlagOnceIT(Casebook casebook) {
        this.casebook = casebook;
        this.detector = casebook.detector("detector-sea");
        this.analyst = casebook.as("ana.sea");
    }

    @Test
    void theSameFlagOverRestTwiceAndOverKafkaTakesEffectOnce() throws Exception {
        Flag flag = Flags.brushing("SEA");

        var first = detector.raiseFlagWithHttpInfo(flag, null);
        var again = casebook.detector("detector-sea", 1).raiseFlagWithHttpInfo(flag, null);
        int partition = casebook.flagTopic().publish(flag);

        assertThat(first.getStatusCode()).isEqualTo(202);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getData()).isEqualTo(first.getData());
        UUID caseId = first.getData().getCaseId();

        // the Kafka copy has been consumed once a later record of its partition has taken effect
        Flag later = Flags.brushing("SEA");
        casebook.flagTopic().publish(later, partition);
        eventually().until(() -> bySignal(analyst, deviceOf(later)).getTotal(), total -> total == 1);

        assertThat(flagsAttached(caseId)).singleElement()
                .satisfies(event -> assertThat(event.getPayload().toString()).contains(flag.getFlagId()));
        CaseSummary found = eventually().until(() -> bySignal(analyst, deviceOf(flag)), r -> r.getTotal() == 1).getItems().get(0);
        assertThat(found.getCaseId()).isEqualTo(caseId);
        assertThat(found.getFlagCount()).isEqualTo(1);
        assertThat(analyst.getCase(caseId, null, null).getFlagCount()).isEqualTo(1);
    }

    @Test
    void aFlagFirstSeenOnKafkaIsAcknowledgedOverRestAsAlreadyRaised() throws Exception {
        Flag flag = Flags.brushing("SEA");
        casebook.flagTopic().publish(flag);
        UUID caseId = eventually().until(() -> bySignal(analyst, deviceOf(flag)), r -> r.getTotal() == 1)
                .getItems().get(0).getCaseId();

        var answer = detector.raiseFlagWithHttpInfo(flag, null);

        assertThat(answer.getStatusCode()).isEqualTo(200);
        assertThat(answer.getData()).isEqualTo(new FlagReceipt().flagId(flag.getFlagId()).caseId(caseId));
        assertThat(flagsAttached(caseId)).hasSize(1);
    }

    private List<CaseEvent> flagsAttached(UUID caseId) throws Exception {
        return analyst.getCaseHistory(caseId, null, null).getEvents().stream().filter(e -> "FlagAttached".equals(e.getType())).toList();
    }
}
