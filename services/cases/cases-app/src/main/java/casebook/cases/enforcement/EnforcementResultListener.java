package casebook.cases.enforcement;

import casebook.cases.api.ActionId;
import casebook.cases.api.Actor;
import casebook.cases.api.CaseId;
import casebook.cases.api.EnforcementOutcome;
import casebook.cases.api.RecordEnforcementResult;
import casebook.cases.api.Region;
import casebook.cases.api.RegionScope;
import casebook.cases.infrastructure.kafka.Failures;
import casebook.cases.infrastructure.kafka.RecordRefused;
import casebook.cases.infrastructure.security.Callers;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Results from the enforcement systems ({@code casebook.enforcement-results.v1}): each becomes a
 * {@link RecordEnforcementResult} on its case, which checks the case's region, the action and its attempt. A result
 * Casebook cannot use (unreadable, invalid, unknown case or action, earlier attempt, other region) changes nothing
 * and goes to the results' dead-letter topic ({@link RecordRefused}); an infrastructure failure is retried from that
 * result, without limit. The first result not finished is named to the error handler, which commits the offsets
 * before it (their results are durable: invariant 11); docs/adr/0012.
 */
@Component
class EnforcementResultListener {
    private static final Actor KAFKA = new Actor("kafka:casebook.enforcement-results.v1", Set.of(), RegionScope.ALL);
    private static final Pattern SYSTEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2,8}");

    private final ObjectMapper json;
    private final CommandGateway commands;

    EnforcementResultListener(ObjectMapper json, CommandGateway commands) {
        this.json = json;
        this.commands = commands;
    }

    /** The message contract (api-specs/asyncapi, EnforcementResult); unknown fields are refused. */
    record EnforcementResult(String actionId, Integer attempt, String caseId, String region, String outcome,
                             String reason, String system) {
    }

    @KafkaListener(topics = "${casebook.enforcement.results-topic}", batch = "true")
    void onResults(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Callers.runAs(KAFKA, () -> {
                    handle(record);
                    return null;
                });
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException(label(record), failure, record);
            }
        }
        ack.acknowledge();
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        RecordEnforcementResult command;
        try {
            command = command(json.readValue(record.value(), EnforcementResult.class));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new RecordRefused("invalid-result", describe(e), label(record));
        }
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new RecordRefused("unknown-case", "no case " + command.caseId(), label(record));
        } catch (RuntimeException e) {
            if (Failures.isInfrastructure(e)) throw e;
            throw RecordRefused.byRule(label(record), e);
        }
    }

    private static String label(ConsumerRecord<?, ?> record) {
        return "result at " + record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static RecordEnforcementResult command(EnforcementResult result) {
        if (result.attempt() == null || result.attempt() < 1) {
            throw new IllegalArgumentException("attempt: required, at least 1 (the order's attempt)");
        }
        if (result.region() == null || !REGION.matcher(result.region()).matches()) {
            throw new IllegalArgumentException("region: required, the order's region (2-8 capital letters)");
        }
        if (result.reason() != null && result.reason().length() > RecordEnforcementResult.MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("reason: at most " + RecordEnforcementResult.MAX_REASON_LENGTH
                    + " characters");
        }
        if (result.system() != null && !SYSTEM.matcher(result.system()).matches()) {
            throw new IllegalArgumentException("system: 1-128 letters, digits, '.', '_', ':' or '-'");
        }
        return new RecordEnforcementResult(new CaseId(UUID.fromString(result.caseId())),
                new ActionId(UUID.fromString(result.actionId())), result.attempt(), new Region(result.region()),
                EnforcementOutcome.valueOf(result.outcome()), result.reason(),
                result.system() == null ? KAFKA.userId() : result.system());
    }

    private static String describe(Exception e) {
        String message = e instanceof NullPointerException ? "actionId, attempt, caseId, region and outcome are required"
                : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
