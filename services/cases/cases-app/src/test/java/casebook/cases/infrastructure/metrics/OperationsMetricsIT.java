package casebook.cases.infrastructure.metrics;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.api.*;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void commandsAreCountedByOutcome() {
        double before = count("RaiseFlags", "success");
        double refusedBefore = count("AssignCase", "failure");
        CaseId caseId = newCase();
        assertThatThrownBy(() -> commands.sendAndWait(new AssignCase(caseId, "ana.sea", Actors.DETECTOR_SEA, null)));

        assertThat(count("RaiseFlags", "success")).isEqualTo(before + 1);
        assertThat(count("AssignCase", "failure")).isEqualTo(refusedBefore + 1);
    }

    /**
     * The enforcement publisher is held on a case's decision, as when Kafka does not acknowledge: it reports lag
     * while held (a stopped processor would not do: it has no segments, so no position to measure from), and none
     * once it has handled the decision; then every processor is caught up.
     */
    @Test
    void aProcessorHeldUpOnAnEventReportsLagUntilItHasHandledIt() throws Exception {
        CaseId caseId = newCase();
        commands.sendAndWait(new AssignCase(caseId, "ana.sea", Actors.ANALYST_SEA, null));
        EventProcessor publisher = processing.eventProcessor("enforcement-publisher").orElseThrow();
        CountDownLatch released = new CountDownLatch(1);
        Registration holding = publisher.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event
                    && caseId.toString().equals(event.getAggregateIdentifier())) {
                released.await(CasesAppTest.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            return chain.proceed();
        });
        try {
            // a dismissal is decided at once: CaseDecided, which the publisher handles (and publishes nothing for)
            commands.sendAndWait(new ProposeDecision(caseId, DecisionId.random(), Verdict.NO_VIOLATION, List.of(),
                    "A verified corporate buyer.", List.of(), DismissalLabel.FALSE_POSITIVE, Actors.ANALYST_SEA, null));
            await().atMost(CasesAppTest.PATIENCE).until(() -> lag("enforcement-publisher"), lag -> lag >= 1);
        } finally {
            released.countDown();
            holding.cancel();
        }

        for (String processor : new String[] {"enforcement-publisher", "case-search", "model-feedback-publisher"}) {
            await().atMost(CasesAppTest.PATIENCE).until(() -> lag(processor), lag -> lag == 0);
        }
    }

    private CaseId newCase() {
        return commands.<List<FlagReceipt>>sendAndWait(RaiseFlags.one(Actors.newSellerFlag("0.5"), Actors.DETECTOR_SEA))
                .get(0).caseId();
    }

    private double lag(String processor) {
        return metrics.get("casebook.processor.lag").tag("processor", processor).gauge().value();
    }

    private double count(String command, String outcome) {
        var counter = metrics.find("casebook.commands").tags("command", command, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

}
