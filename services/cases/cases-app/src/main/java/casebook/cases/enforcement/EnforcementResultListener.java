package casebook.cases.enforcement;

import casebook.cases.api.ActionId;
import casebook.cases.api.Actor;
import casebook.cases.api.CaseId;
import casebook.cases.api.EnforcementOutcome;
import casebook.cases.api.RecordEnforcementResult;
import casebook.cases.api.RegionScope;
import casebook.cases.domain.CaseRuleBroken;
import casebook.cases.infrastructure.kafka.DeadLetters;
import casebook.cases.infrastructure.security.Callers;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Results from the enforcement systems ({@code casebook.enforcement-results.v1}): each becomes a
 * {@link RecordEnforcementResult} on its case; a result Casebook cannot use (unreadable, invalid, unknown case or
 * action) goes to the results' dead-letter topic. Offsets are acknowledged after every result of the poll is
 * committed or dead-lettered (invariant 11); a transient failure fails the poll, which is retried.
 */
@Component
class EnforcementResultListener {
    private static final Actor KAFKA = new Actor("kafka:casebook.enforcement-results.v1", Set.of(), RegionScope.ALL);
    private static final Pattern SYSTEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final ObjectMapper json;
    private final CommandGateway commands;
    private final DeadLetters deadLetters;
    private final EnforcementTopics topics;

    EnforcementResultListener(ObjectMapper json, CommandGateway commands, DeadLetters deadLetters,
                              EnforcementTopics topics) {
        this.json = json;
        this.commands = commands;
        this.deadLetters = deadLetters;
        this.topics = topics;
    }

    /** The message contract (api-specs/asyncapi, EnforcementResult); unknown fields are refused. */
    record EnforcementResult(String actionId, String caseId, String outcome, String reason, String system) {
    }

    @KafkaListener(topics = "${casebook.enforcement.results-topic}", batch = "true")
    void onResults(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        for (ConsumerRecord<String, byte[]> record : records) {
            Callers.runAs(KAFKA, () -> {
                handle(record);
                return null;
            });
        }
        ack.acknowledge();
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        RecordEnforcementResult command;
        try {
            command = command(json.readValue(record.value(), EnforcementResult.class));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            deadLetters.send(record, topics.resultsDeadLetterTopic(), "invalid-result", describe(e));
            return;
        }
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            deadLetters.send(record, topics.resultsDeadLetterTopic(), "unknown-case", "no case " + command.caseId());
        } catch (CaseRuleBroken e) {
            deadLetters.send(record, topics.resultsDeadLetterTopic(), e.code(), e.getMessage());
        }
    }

    private static RecordEnforcementResult command(EnforcementResult result) {
        if (result.reason() != null && result.reason().length() > RecordEnforcementResult.MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("reason: at most " + RecordEnforcementResult.MAX_REASON_LENGTH
                    + " characters");
        }
        if (result.system() != null && !SYSTEM.matcher(result.system()).matches()) {
            throw new IllegalArgumentException("system: 1-128 letters, digits, '.', '_', ':' or '-'");
        }
        return new RecordEnforcementResult(new CaseId(UUID.fromString(result.caseId())),
                new ActionId(UUID.fromString(result.actionId())), EnforcementOutcome.valueOf(result.outcome()),
                result.reason(), result.system() == null ? KAFKA.userId() : result.system());
    }

    private static String describe(Exception e) {
        String message = e instanceof NullPointerException ? "actionId, caseId and outcome are required"
                : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
