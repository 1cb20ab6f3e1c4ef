package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.CaseSearchResult;
import casebook.client.model.CaseStatus;
import casebook.client.model.CaseSummary;
import casebook.client.model.Flag;
import casebook.client.model.FlagReceipt;
import casebook.client.model.RiskCategory;
import casebook.client.model.SubjectKind;
import org.junit.jupiter.api.Test;

import static casebook.e2e.Flags.deviceOf;
import static casebook.e2e.Flags.shopOf;
import static casebook.e2e.Search.bySignal;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** A detection system's flag, over Kafka or REST, becomes a case the region's analyst finds by a device id. */
@EndToEnd
class FlagIntakeIT {
    private final Casebook casebook;
    private final CasebookApi analyst;

    FlagIntakeIT(Casebook casebook) {
        this.casebook = casebook;
        this.analyst = casebook.as("ana.sea");
    }

    @Test
    void aFlagOverKafkaBecomesACaseTheRegionsAnalystFindsByDeviceId() {
        Flag flag = Flags.brushing("SEA");

        casebook.flagTopic().publish(flag);

        CaseSummary found = eventually().until(() -> bySignal(analyst, deviceOf(flag)), r -> r.getTotal() == 1)
                .getItems().get(0);
        assertIsNewCaseFor(found, flag);
    }

    @Test
    void aFlagOverRestBecomesACaseTheRegionsAnalystFindsByDeviceId() throws Exception {
        Flag flag = Flags.brushing("SEA");

        var answer = casebook.detector("detector-sea").raiseFlagWithHttpInfo(flag, null);

        assertThat(answer.getStatusCode()).isEqualTo(202);
        FlagReceipt receipt = answer.getData();
        assertThat(receipt.getFlagId()).isEqualTo(flag.getFlagId());
        CaseSearchResult result = eventually().until(() -> bySignal(analyst, deviceOf(flag)), r -> r.getTotal() == 1);
        CaseSummary found = result.getItems().get(0);
        assertIsNewCaseFor(found, flag);
        assertThat(found.getCaseId()).isEqualTo(receipt.getCaseId());
        assertThat(analyst.getCase(receipt.getCaseId(), null, null).getStatus()).isEqualTo(CaseStatus.OPEN);
    }

    private static void assertIsNewCaseFor(CaseSummary found, Flag flag) {
        assertThat(found.getStatus()).isEqualTo(CaseStatus.OPEN);
        assertThat(found.getSubject().getKind()).isEqualTo(SubjectKind.SELLER);
        assertThat(found.getSubject().getId()).isEqualTo(shopOf(flag));
        assertThat(found.getRegion()).isEqualTo("SEA");
        assertThat(found.getCategory()).isEqualTo(RiskCategory.BRUSHING);
        assertThat(found.getFlagCount()).isEqualTo(1);
        assertThat(found.getAssignee()).isNull();
    }
}
