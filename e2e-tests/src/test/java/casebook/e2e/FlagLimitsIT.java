package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.FieldError;
import casebook.client.model.Flag;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static casebook.e2e.Flags.shopOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flags that stalled Kafka intake answer 400 over REST, naming the field (never 500), and leave nothing behind:
 * nulls inside lists, control characters and NUL in text fields, unpaired surrogates, lists and strings beyond their
 * limits. (Over Kafka the same flags go to the dead-letter topic: KafkaIntakePropertiesIT.)
 */
@EndToEnd
class FlagLimitsIT {
    private final Casebook casebook;
    private final CasebookApi detector;
    private final CasebookApi auditor;

    FlagLimitsIT(Casebook casebook) {
        this.casebook = casebook;
        this.detector = casebook.detector("detector-sea");
        this.auditor = casebook.as("audrey");
    }

    /** {@code field} is replaced in the contract's example by {@code json} (raw JSON text); the answer names it. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "signals.ips          | [\"203.0.113.7\", null]                  | signals.ips[1]",
            "signals.deviceIds    | [null]                                   | signals.deviceIds[0]",
            "subject.id           | \"shop-\\u0000\"                         | subject.id",
            "source.id            | \"rule\\u001f\"                          | source.id",
            "source.version       | \"3.2\\n\"                               | source.version",
            "signals.linkedAccounts | [\"creator-\\u007f\"]                  | signals.linkedAccounts[0]",
            "subject.id           | \"shop-\\ud83d\"                         | subject.id",
            "signals.paymentFingerprints | [\"\\ude00pf\"]                   | signals.paymentFingerprints[0]",
    })
    void aFlagThatStalledKafkaIntakeIsRefusedOverRestNamingTheField(String field, String json, String named)
            throws Exception {
        Flag flag = Flags.brushing("SEA");
        ObjectNode body = casebook.json().valueToTree(flag);
        String marker = "\"__replace__\"";
        String[] path = field.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < path.length - 1; i++) parent = (ObjectNode) parent.get(path[i]);
        parent.put(path[path.length - 1], "__replace__");

        RawRequests.Answer answer = casebook.raw("detector-sea").post("/api/v1/flags",
                body.toString().replace(marker, json));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problem().getErrors()).extracting(FieldError::getField)
                .anySatisfy(f -> assertThat(f).startsWith(named));
        Flag corrected = Flags.brushing(shopOf(flag), flag.getRegion(), Flags.deviceOf(flag)).flagId(flag.getFlagId());
        Flags.assertRaisedAsAFirst(corrected, detector, auditor);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"ips | 101 | 1", "deviceIds | 1 | 257"})
    void listsAndSignalsBeyondTheirLimitsAreRefusedNamingTheField(String list, int items, int length) throws Exception {
        Flag flag = Flags.brushing("SEA");
        ObjectNode body = casebook.json().valueToTree(flag);
        var values = ((ObjectNode) body.get("signals")).putArray(list);
        for (int i = 0; i < items; i++) values.add("x".repeat(length));

        RawRequests.Answer answer = casebook.raw("detector-sea").post("/api/v1/flags", body.toString());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problem().getErrors()).extracting(FieldError::getField)
                .anySatisfy(f -> assertThat(f).startsWith("signals." + list));
    }
}
