package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.FieldError;
import casebook.client.model.Flag;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static casebook.e2e.Flags.shopOf;
import static casebook.e2e.Problems.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** Invariant 13, REST side: bad input gets problem details naming the field, and changes nothing. */
@EndToEnd
class BadInputIT {
    private final Casebook casebook;
    private final CasebookApi detector;
    private final CasebookApi auditor;

    BadInputIT(Casebook casebook) {
        this.casebook = casebook;
        this.detector = casebook.detector("detector-sea");
        this.auditor = casebook.as("audrey");
    }

    @Test
    void aFlagWithAnUnknownFieldIsRefusedNamingThatField() throws Exception {
        Flag flag = Flags.brushing("SEA");
        ObjectNode body = casebook.json().valueToTree(flag);
        body.put("colour", "red");

        RawRequests.Answer answer = casebook.raw("detector-sea").post("/api/v1/flags", body.toString());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problem().getStatus()).isEqualTo(400);
        assertThat(answer.problem().getErrors()).extracting(FieldError::getField).contains("colour");
        assertNothingWasCreatedFor(flag);
    }

    @Test
    void aFlagWithAScoreAboveOneIsRefusedNamingTheScore() throws Exception {
        Flag flag = Flags.brushing("SEA").score(1.5);

        Problems refusal = refused(() -> detector.raiseFlag(flag, null));

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.problem().getErrors()).extracting(FieldError::getField).containsExactly("score");
        assertThat(refusal.problem().getErrors()).allSatisfy(error -> assertThat(error.getMessage()).isNotBlank());
        assertNothingWasCreatedFor(flag);
    }

    /**
     * Nothing in the event store: the same flag id, sent right, is then a first (202, not "already raised") and its
     * case holds exactly that one flag.
     */
    private void assertNothingWasCreatedFor(Flag refused) throws Exception {
        Flag corrected = Flags.brushing(shopOf(refused), refused.getRegion(), Flags.deviceOf(refused))
                .flagId(refused.getFlagId());
        Flags.assertRaisedAsAFirst(corrected, detector, auditor);
    }
}
