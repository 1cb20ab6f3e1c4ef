package casebook.cases.infrastructure.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** What a command or a deadline passes on to the events it causes (invariant 9), and that events pass on nothing. */
class AuditCorrelationTest {
    static final MetaData STAMP = MetaData.with("actor", "ana.sea").and("reason", "looks like brushing")
            .and("traceId", "trace-1").and("unrelated", "x");

    final AuditCorrelation correlation = new AuditCorrelation();

    @Test
    void aCommandPassesOnItsActorReasonAndCorrelationAndIsTheCause() {
        var command = GenericCommandMessage.asCommandMessage("assign").andMetaData(STAMP);

        Map<String, Object> data = Map.copyOf(correlation.correlationDataFor(command));

        assertThat(data).containsOnly(entry("actor", "ana.sea"), entry("reason", "looks like brushing"),
                entry("traceId", "trace-1"), entry("correlationId", command.getIdentifier()));
    }

    @Test
    void aCommandWithoutCorrelationStartsOneOfItsOwn() {
        var command = GenericCommandMessage.asCommandMessage("assign");

        assertThat(Map.<String, Object>copyOf(correlation.correlationDataFor(command))).containsOnly(
                entry("traceId", command.getIdentifier()), entry("correlationId", command.getIdentifier()));
    }

    @Test
    void aDeadlinePassesOnWhatItCarries() {
        var deadline = GenericDeadlineMessage.asDeadlineMessage("sla", "first-assignment", java.time.Instant.EPOCH)
                .andMetaData(MetaData.with("actor", "casebook-sla").and("traceId", "trace-2"));

        assertThat(Map.<String, Object>copyOf(correlation.correlationDataFor(deadline))).contains(entry("actor", "casebook-sla"),
                entry("traceId", "trace-2"), entry("correlationId", deadline.getIdentifier()));
    }

    @Test
    void anEventHandledByAProcessorPassesOnNothing() {
        var event = GenericEventMessage.asEventMessage("case opened").andMetaData(STAMP);

        assertThat(correlation.correlationDataFor(event)).isEmpty();
    }
}
