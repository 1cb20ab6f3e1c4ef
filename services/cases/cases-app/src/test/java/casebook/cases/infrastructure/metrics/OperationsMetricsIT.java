package casebook.cases.infrastructure.metrics;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.api.*;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What operations see: commands handled by outcome, API requests timed, how far each event processor is behind. */
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
     * Each API request is timed once, by URI and status ({@code http.server.requests}); Spring Security adds no
     * timers of its own around the filters of its chain.
     */
    @Test
    void apiRequestsAreTimedOnce(@LocalServerPort int port) throws IOException, InterruptedException {
        long before = unauthenticatedRequests();
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/queue")).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(401);
        await().atMost(CasesAppTest.PATIENCE).until(this::unauthenticatedRequests, count -> count == before + 1);
        assertThat(metrics.find("spring.security.filterchains").meters()).isEmpty();
    }

    private long unauthenticatedRequests() {
        return metrics.find("http.server.requests").tag("status", "401").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    /**
     * The enforcement publisher is shut down, as when its instance stops: its lag grows with the events it has not
     * handled (read from the token store, whichever instance holds its segments, if any), and is gone once it runs
     * again; then every processor is caught up.
     */
    @Test
    void aStoppedProcessorReportsLagUntilItHasCaughtUp() {
        EventProcessor publisher = processing.eventProcessor("enforcement-publisher").orElseThrow();
        publisher.shutDown();
        try {
            newCase();
            await().atMost(CasesAppTest.PATIENCE).until(() -> lag("enforcement-publisher"), lag -> lag >= 2);
        } finally {
            publisher.start();
        }

        for (String processor : new String[] {"enforcement-publisher", "case-search", "model-feedback-publisher",
                "subject-notice-publisher"}) {
            await().atMost(CasesAppTest.PATIENCE).until(() -> lag(processor), lag -> lag == 0);
        }
    }

    private CaseId newCase() {
        return Actors.raise(commands, Actors.newSellerFlag("0.5")).caseId();
    }

    private double lag(String processor) {
        return metrics.get("casebook.processor.lag").tag("processor", processor).gauge().value();
    }

    private double count(String command, String outcome) {
        var counter = metrics.find("casebook.commands").tags("command", command, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

}
