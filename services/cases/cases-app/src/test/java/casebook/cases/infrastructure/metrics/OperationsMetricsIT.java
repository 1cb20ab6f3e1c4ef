package casebook.cases.infrastructure.metrics;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.api.*;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What operations see: commands handled by outcome, and how far each event processor is behind. */
@CasesAppTest
class OperationsMetricsIT {
    @Autowired
    CommandGateway commands;
    @Autowired
    MeterRegistry metrics;

    @Test
    void commandsAreCountedByOutcomeAndProcessorsReportTheirLag() {
        double before = count("RaiseFlags", "success");
        double refusedBefore = count("AssignCase", "failure");
        CaseId caseId = commands.<java.util.List<FlagReceipt>>sendAndWait(RaiseFlags.one(Actors.newSellerFlag("0.5"), Actors.DETECTOR_SEA)).get(0).caseId();
        assertThatThrownBy(() -> commands.sendAndWait(new AssignCase(caseId, "ana.sea", Actors.DETECTOR_SEA, null)));

        assertThat(count("RaiseFlags", "success")).isEqualTo(before + 1);
        assertThat(count("AssignCase", "failure")).isEqualTo(refusedBefore + 1);
        for (String processor : new String[] {"case-search", "enforcement-publisher", "model-feedback-publisher"}) {
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> metrics.get("casebook.processor.lag").tag("processor", processor).gauge().value(), lag -> lag == 0);
        }
    }

    private double count(String command, String outcome) {
        var counter = metrics.find("casebook.commands").tags("command", command, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

}
