package casebook.cases.flag;

import casebook.cases.api.Actor;
import casebook.cases.api.RaiseFlags;
import casebook.cases.api.RegionScope;
import casebook.cases.api.Role;
import casebook.cases.domain.ActionNotPermitted;
import casebook.cases.domain.CaseRuleBroken;
import casebook.cases.infrastructure.kafka.DeadLetters;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.infrastructure.web.CorrelationIds;
import casebook.cases.infrastructure.web.FieldErrors;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flags from Kafka ({@code casebook.flags.v1}). Each poll is handled as one batch: unreadable or invalid records
 * go to the dead-letter topic with the reason in headers; the valid flags are committed in one unit of work;
 * the offsets are acknowledged only after that commit and the dead letters are durable (invariant 11).
 * Kafka is trusted like an internal network: its records act for all regions, as the detection systems.
 */
@Component
class FlagListener {
    private static final Logger log = LoggerFactory.getLogger(FlagListener.class);
    private static final Actor KAFKA = new Actor("kafka:casebook.flags.v1", Set.of(Role.DETECTION), RegionScope.ALL);

    private final ObjectMapper json;
    private final Validator validator;
    private final FlagSubmissions submissions;
    private final DeadLetters deadLetters;
    private final FlagTopics topics;

    FlagListener(ObjectMapper json, Validator validator, FlagSubmissions submissions, DeadLetters deadLetters,
                 FlagTopics topics) {
        this.json = json;
        this.validator = validator;
        this.submissions = submissions;
        this.deadLetters = deadLetters;
        this.topics = topics;
    }

    @KafkaListener(topics = "${casebook.flags.topic}", concurrency = "${casebook.flags.consumers}", batch = "true")
    void onFlags(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        List<Accepted> accepted = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            read(record).ifPresentOrElseRejected(accepted::add, rejection -> deadLetter(record, rejection));
        }
        Callers.runAs(KAFKA, () -> {
            raise(accepted);
            return null;
        });
        ack.acknowledge();
    }

    private void raise(List<Accepted> accepted) {
        if (accepted.isEmpty()) return;
        try {
            submissions.raise(new RaiseFlags(accepted.stream().map(Accepted::incoming).toList(), KAFKA));
            log.debug("{} flags committed in one batch", accepted.size());
            return;
        } catch (RuntimeException batchFailed) {
            log.info("a batch of {} flags failed ({}); raising them one by one", accepted.size(), batchFailed.toString());
        }
        for (Accepted one : accepted) {
            try {
                submissions.raise(new RaiseFlags(List.of(one.incoming()), KAFKA));
            } catch (CaseRuleBroken | ActionNotPermitted | IllegalArgumentException refused) {
                deadLetter(one.record(), new Rejection("rejected", refused.getMessage()));
            }
        }
    }

    private Reading read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Reading.rejected(new Rejection("unreadable-json", "the record has no value"));
        }
        casebook.cases.web.model.Flag body;
        try {
            body = json.readValue(record.value(), casebook.cases.web.model.Flag.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException || e.getPath().isEmpty()) {
                return Reading.rejected(new Rejection("unreadable-json", "the value is not a complete JSON object"));
            }
            FieldErrors.FieldError error = FieldErrors.of(e);
            return Reading.rejected(new Rejection("invalid-flag", error.field() + ": " + error.message()));
        } catch (JsonProcessingException e) {
            return Reading.rejected(new Rejection("unreadable-json", "the value is not JSON: " + e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            return Reading.rejected(new Rejection("unreadable-json", e.getMessage()));
        }
        if (!FlagContract.holds(body)) {
            var violations = validator.validate(body);
            if (!violations.isEmpty()) {
                return Reading.rejected(new Rejection("invalid-flag", FieldErrors.of(violations).stream()
                        .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "))));
            }
        }
        try {
            return Reading.accepted(new Accepted(
                    new RaiseFlags.Incoming(FlagRequests.toFlag(body), header(record, CorrelationIds.HEADER)), record));
        } catch (IllegalArgumentException e) {
            return Reading.rejected(new Rejection("invalid-flag", e.getMessage()));
        }
    }

    /** Sends the original record to the dead-letter topic and waits until Kafka has it: it must not be lost. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, Rejection rejection) {
        deadLetters.send(record, topics.deadLetterTopic(), rejection.reason(), rejection.detail());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }


    record Accepted(RaiseFlags.Incoming incoming, ConsumerRecord<String, byte[]> record) {
    }

    record Rejection(String reason, String detail) {
    }

    private record Reading(Accepted accepted, Rejection rejection) {
        static Reading accepted(Accepted accepted) {
            return new Reading(accepted, null);
        }

        static Reading rejected(Rejection rejection) {
            return new Reading(null, rejection);
        }

        void ifPresentOrElseRejected(java.util.function.Consumer<Accepted> onAccepted,
                                     java.util.function.Consumer<Rejection> onRejected) {
            if (accepted != null) onAccepted.accept(accepted); else onRejected.accept(rejection);
        }
    }
}
