package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Flag;
import org.junit.jupiter.api.Test;

import static casebook.e2e.Problems.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what: a token is needed, roles decide the operation, a detector's regions bound what it may flag. */
@EndToEnd
class SecurityIT {
    private final Casebook casebook;

    SecurityIT(Casebook casebook) {
        this.casebook = casebook;
    }

    @Test
    void withoutATokenNothingAnswersButUnauthorized() {
        CasebookApi anonymous = casebook.anonymous();

        assertThat(refused(() -> Search.bySignal(anonymous, "dev-a1")).status()).isEqualTo(401);
        assertThat(refused(() -> anonymous.raiseFlag(Flags.brushing("SEA"), null)).status()).isEqualTo(401);
    }

    @Test
    void aTokenIssuedForAnotherAudienceIsRefused() {
        CasebookApi elsewhere = casebook.withTokenForAnotherAudience("ana.sea");

        assertThat(refused(() -> Search.bySignal(elsewhere, "dev-a1")).status()).isEqualTo(401);
    }

    @Test
    void aGenuineTokenWithAnAlteredSignatureIsRefusedEvenRightAfterTheGenuineOneWasAccepted() throws Exception {
        Search.bySignal(casebook.as("ana.sea"), "dev-a1");

        CasebookApi altered = casebook.withAlteredSignature("ana.sea");

        assertThat(refused(() -> Search.bySignal(altered, "dev-a1")).status()).isEqualTo(401);
    }

    @Test
    void anAnalystCannotRaiseFlags() {
        Flag flag = Flags.brushing("SEA");

        assertThat(refused(() -> casebook.as("ana.sea").raiseFlag(flag, null)).status()).isEqualTo(403);
    }

    @Test
    void aDetectionSystemCannotReadCases() {
        assertThat(refused(() -> Search.bySignal(casebook.detector("detector-sea"), "dev-a1")).status()).isEqualTo(403);
    }

    @Test
    void aSeaDetectorCannotFlagAUsSubject() throws Exception {
        Flag flag = Flags.brushing("US");

        assertThat(refused(() -> casebook.detector("detector-sea").raiseFlag(flag, null)).status()).isEqualTo(403);
        // nothing was left behind: the same flag from the US detector is a first
        Flags.assertRaisedAsAFirst(flag, casebook.detector("detector-us"), casebook.as("audrey"));
    }
}
