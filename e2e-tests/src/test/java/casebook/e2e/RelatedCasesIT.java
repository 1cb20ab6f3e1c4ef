package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Flag;
import casebook.client.model.RelatedCase;
import casebook.client.model.RelatedCases;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static casebook.e2e.Problems.refused;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Rings show up as related cases: shared devices across shops, never across the caller's regions. */
@EndToEnd
class RelatedCasesIT {
    private final Casebook casebook;

    RelatedCasesIT(Casebook casebook) {
        this.casebook = casebook;
    }

    @Test
    void shopsSharingADeviceAreRelatedWithinTheAnalystsRegion() throws Exception {
        String device = Flags.unique("dev-ring");
        UUID first = raise(ringFlag("SEA", device), "detector-sea");
        UUID second = raise(ringFlag("SEA", device), "detector-sea");
        UUID abroad = raise(ringFlag("US", device), "detector-us");
        CasebookApi lex = casebook.as("lex");
        // both other shops are searchable: legal, who holds every region, finds them as related
        eventually().until(() -> lex.getRelatedCases(first), r -> r.getItems().size() == 2);

        RelatedCases related = casebook.as("ana.sea").getRelatedCases(first);

        assertThat(related.getItems()).extracting(r -> r.getCase().getCaseId()).containsExactly(second);
        RelatedCase ring = related.getItems().get(0);
        assertThat(ring.getShared().getDeviceIds()).containsExactly(device);
        assertThat(ring.getShared().getIps()).isEmpty();
        assertThat(lex.getRelatedCases(first).getItems()).extracting(r -> r.getCase().getCaseId())
                .containsExactlyInAnyOrder(second, abroad);
        assertThat(refused(() -> casebook.as("ana.us").getRelatedCases(first)).status()).isEqualTo(404);
    }

    /** A brushing flag on a new shop with the ring's device and nothing else in common with any other flag. */
    private static Flag ringFlag(String region, String device) {
        Flag flag = Flags.brushing(Flags.unique("shop"), region, device);
        flag.getSignals().ips(List.of(Flags.unique("ip")));
        return flag;
    }

    private UUID raise(Flag flag, String detector) throws Exception {
        return casebook.detector(detector).raiseFlag(flag, null).getCaseId();
    }
}
