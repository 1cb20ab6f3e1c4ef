package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.CaseStatus;
import casebook.client.model.CaseSummary;
import casebook.client.model.Flag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static casebook.e2e.Flags.deviceOf;
import static casebook.e2e.Flags.shopOf;
import static casebook.e2e.Search.bySignal;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Invariant 13, Kafka side: an unreadable record goes to the dead-letter topic with its reason; intake carries on. */
@EndToEnd
class DeadLettersIT {
    private final Casebook casebook;

    DeadLettersIT(Casebook casebook) {
        this.casebook = casebook;
    }

    /** {@code %s} is replaced by an id unique to the run, to find this record among the dead letters. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "not JSON at all: %s",
            "{\"flagId\": \"%s\", \"source\": {\"kind\": \"MODEL\", "   // cut off mid-object
    })
    void unreadableJsonIsDeadLetteredAndTheNextFlagStillBecomesACase(String template) {
        Flag good = Flags.brushing("SEA");
        String key = FlagTopic.key(good);   // same key, same partition: the good flag comes right after the bad one
        String broken = template.formatted(Flags.unique("broken"));
        FlagTopic topic = casebook.flagTopic();

        topic.publish(key, broken.getBytes(StandardCharsets.UTF_8));
        topic.publish(good);

        FlagTopic.DeadLetter letter = topic.awaitDeadLetter(l -> broken.equals(l.value()), Search.PATIENCE);
        assertThat(letter.reason()).isEqualTo("unreadable-json");
        assertThat(letter.detail()).isNotBlank();
        assertThat(letter.key()).isEqualTo(key);
        assertThat(letter.headers()).containsEntry("casebook-dlt-original-topic", FlagTopic.TOPIC);

        CasebookApi analyst = casebook.as("ana.sea");
        CaseSummary found = eventually().until(() -> bySignal(analyst, deviceOf(good)), r -> r.getTotal() == 1)
                .getItems().get(0);
        assertThat(found.getSubject().getId()).isEqualTo(shopOf(good));
        assertThat(found.getStatus()).isEqualTo(CaseStatus.OPEN);
    }
}
