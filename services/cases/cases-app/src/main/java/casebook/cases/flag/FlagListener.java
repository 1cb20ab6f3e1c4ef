package casebook.cases.flag;

import casebook.cases.api.Actor;
import casebook.cases.api.RaiseFlags;
import casebook.cases.api.RegionScope;
import casebook.cases.api.Role;
import casebook.cases.infrastructure.kafka.Failures;
import casebook.cases.infrastructure.kafka.RecordRefused;
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
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flags from Kafka ({@code casebook.flags.v1}). Each poll is handled as one batch (ADR 6): the readable flags up to
 * the first unreadable record are committed in one unit of work; if that fails for the input's sake they are raised
 * one by one. The first record that cannot be finished is named to Spring Kafka's error handler with a
 * {@link BatchListenerFailedException}: the offsets before it are committed (their events are durable: invariant
 * 11); a {@link RecordRefused} (input) goes to the dead-letter topic with its reason and the records after it are
 * delivered again; an infrastructure failure is retried from that record, without limit (docs/adr/0012).
 * Kafka is trusted like an internal network: its records act for all regions, as the detection systems.
 */
@Component
class FlagListener {
    private static final Logger log = LoggerFactory.getLogger(FlagListener.class);
    private static final Actor KAFKA = new Actor("kafka:casebook.flags.v1", Set.of(Role.DETECTION), RegionScope.ALL);

    private final ObjectMapper json;
    private final Validator validator;
    private final FlagSubmissions submissions;

    FlagListener(ObjectMapper json, Validator validator, FlagSubmissions submissions) {
        this.json = json;
        this.validator = validator;
        this.submissions = submissions;
    }

    @KafkaListener(id = "flags", idIsGroup = false, topics = "${casebook.flags.topic}",
            concurrency = "${casebook.flags.consumers}", batch = "true")
    void onFlags(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        List<Accepted> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                readable.add(read(record));
            } catch (RecordRefused unreadable) {
                raise(readable);
                throw new BatchListenerFailedException(unreadable.reason(), unreadable, record);
            }
        }
        raise(readable);
        ack.acknowledge();
    }

    private void raise(List<Accepted> accepted) {
        if (accepted.isEmpty()) return;
        try {
            raiseAsKafka(accepted);
            log.debug("{} flags committed in one batch", accepted.size());
            return;
        } catch (RuntimeException batchFailed) {
            if (Failures.isInfrastructure(batchFailed)) {
                throw failed(accepted.get(0), batchFailed);
            }
            log.info("a batch of {} flags was refused ({}); raising them one by one", accepted.size(),
                    batchFailed.getClass().getSimpleName());
        }
        for (Accepted one : accepted) {
            try {
                raiseAsKafka(List.of(one));
            } catch (RuntimeException failure) {
                throw failed(one, Failures.isInfrastructure(failure) ? failure : RecordRefused.of(one.label(), failure));
            }
        }
    }

    private void raiseAsKafka(List<Accepted> flags) {
        Callers.runAs(KAFKA, () -> submissions.raise(new RaiseFlags(flags.stream().map(Accepted::incoming).toList(), KAFKA)));
    }

    private static BatchListenerFailedException failed(Accepted flag, Throwable failure) {
        return new BatchListenerFailedException(flag.label(), failure, flag.record());
    }

    /** The flag in the record, or the refusal that names the broken fields. */
    private Accepted read(ConsumerRecord<String, byte[]> record) {
        String label = "unreadable flag";
        if (record.value() == null) {
            throw new RecordRefused("unreadable-json", "the record has no value", label);
        }
        casebook.cases.web.model.Flag body;
        try {
            body = json.readValue(record.value(), casebook.cases.web.model.Flag.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException || e.getPath().isEmpty()) {
                throw new RecordRefused("unreadable-json", "the value is not a complete JSON object", label);
            }
            FieldErrors.FieldError error = FieldErrors.of(e);
            throw new RecordRefused("invalid-flag", error.field() + ": " + error.message(), label);
        } catch (JsonProcessingException e) {
            throw new RecordRefused("unreadable-json", "the value is not JSON: " + e.getOriginalMessage(), label);
        } catch (java.io.IOException e) {
            throw new RecordRefused("unreadable-json", e.getMessage(), label);
        }
        label = body.getFlagId() != null && FlagContract.FLAG_ID.matcher(body.getFlagId()).matches()
                ? "flag " + body.getFlagId() : "flag without a valid id";
        if (!FlagContract.holds(body)) {
            List<FieldErrors.FieldError> errors = FlagContract.refusals(body, validator);
            if (!errors.isEmpty()) {
                throw new RecordRefused("invalid-flag", errors.stream().map(e -> e.field() + ": " + e.message())
                        .collect(Collectors.joining("; ")), label);
            }
        }
        try {
            return new Accepted(new RaiseFlags.Incoming(FlagRequests.toFlag(body), header(record, CorrelationIds.HEADER)),
                    record, label);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RecordRefused("invalid-flag", e.getMessage(), label);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A readable flag and the record it came in; {@code label} names it in logs ({@code flag <id>}). */
    record Accepted(RaiseFlags.Incoming incoming, ConsumerRecord<String, byte[]> record, String label) {
    }
}
