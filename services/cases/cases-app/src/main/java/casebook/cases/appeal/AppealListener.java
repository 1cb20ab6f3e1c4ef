package casebook.cases.appeal;

import casebook.cases.api.Actor;
import casebook.cases.api.AppealChannel;
import casebook.cases.api.AppealId;
import casebook.cases.api.CaseId;
import casebook.cases.api.DecisionId;
import casebook.cases.api.FileAppeal;
import casebook.cases.api.Region;
import casebook.cases.api.RegionScope;
import casebook.cases.api.Role;
import casebook.cases.api.SubjectKind;
import casebook.cases.api.SubjectRef;
import casebook.cases.domain.CaseNotFound;
import casebook.cases.infrastructure.kafka.Failures;
import casebook.cases.infrastructure.kafka.RecordRefused;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.infrastructure.web.CorrelationIds;
import casebook.cases.infrastructure.web.FieldErrors;
import casebook.cases.infrastructure.web.RequestJson;
import casebook.cases.web.model.SubjectCentreAppeal;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Appeals from the seller/creator centre ({@code casebook.appeals.v1}, contract {@code SubjectCentreAppeal} in
 * api-specs). Each record becomes a {@link FileAppeal} sent as the appeals system of the record's region (role
 * {@code appeals}, that region only: a record naming a case of another region is refused exactly like one naming an
 * unknown case). The same appeal id again changes nothing. Like every consumer (docs/adr/0012): a record that can
 * never be taken - unreadable, against the contract, refused by a rule of the case ({@code appeal-window-closed},
 * {@code already-appealed}, ...) - goes at once to {@code casebook.appeals.v1.dlt} with the reason (the rule's code)
 * and the records behind it go on; an infrastructure failure is retried from that record, without limit. The offsets
 * before the first record not finished are committed only after its appeal is stored (invariant 11).
 */
@Component
class AppealListener {
    private static final Logger log = LoggerFactory.getLogger(AppealListener.class);
    static final String ACTOR = "kafka:casebook.appeals.v1";

    private final ObjectMapper json;
    private final Validator validator;
    private final CommandGateway commands;

    AppealListener(ObjectMapper json, Validator validator, CommandGateway commands) {
        this.json = RequestJson.strict(json);
        this.validator = validator;
        this.commands = commands;
    }

    @KafkaListener(id = "appeals", idIsGroup = false, topics = "${casebook.appeal-intake.topic}",
            concurrency = "${casebook.appeal-intake.consumers}", batch = "true")
    void onAppeals(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                CorrelationIds.with(header(record, CorrelationIds.HEADER), () -> {
                    file(record);
                    return null;
                });
            } catch (RecordRefused refused) {
                throw new BatchListenerFailedException(refused.label(), refused, record);
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException(label(record), failure, record);
            }
        }
        ack.acknowledge();
    }

    private void file(ConsumerRecord<String, byte[]> record) {
        SubjectCentreAppeal appeal = read(record);
        String label = "appeal " + appeal.getAppealId() + " of case " + appeal.getCaseId();
        Region region = new Region(appeal.getRegion());
        Actor centre = new Actor(ACTOR, Set.of(Role.APPEALS), RegionScope.of(Set.of(region)));
        FileAppeal command = new FileAppeal(new CaseId(appeal.getCaseId()), new AppealId(appeal.getAppealId()),
                new DecisionId(appeal.getDecisionId()), appeal.getStatement(), appeal.getEvidenceRefs(),
                AppealChannel.SUBJECT_CENTRE, new SubjectRef(SubjectKind.valueOf(appeal.getSubject().getKind().getValue()),
                appeal.getSubject().getId()), centre, null);
        try {
            Callers.runAs(centre, () -> commands.sendAndWait(command));
            log.debug("{} taken", label);
        } catch (AggregateNotFoundException | CaseNotFound unknown) {
            throw new RecordRefused("unknown-case", "no case " + appeal.getCaseId() + " in region " + region, label);
        } catch (RuntimeException failure) {
            if (Failures.isInfrastructure(failure)) throw failure;
            throw RecordRefused.byRule(label, failure);
        }
    }

    /** The appeal in the record, or the refusal that names the broken fields. */
    private SubjectCentreAppeal read(ConsumerRecord<String, byte[]> record) {
        String label = label(record);
        if (record.value() == null) {
            throw new RecordRefused("unreadable-json", "the record has no value", label);
        }
        SubjectCentreAppeal appeal;
        try {
            appeal = json.readValue(record.value(), SubjectCentreAppeal.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException || e.getPath().isEmpty()) {
                throw new RecordRefused("unreadable-json", "the value is not a complete JSON object", label);
            }
            FieldErrors.FieldError error = FieldErrors.of(e);
            throw new RecordRefused("invalid-appeal", error.field() + ": " + error.message(), label);
        } catch (JsonProcessingException e) {
            throw new RecordRefused("unreadable-json", "the value is not JSON: " + e.getOriginalMessage(), label);
        } catch (IOException e) {
            throw new RecordRefused("unreadable-json", e.getMessage(), label);
        }
        if (appeal == null) {
            throw new RecordRefused("unreadable-json", "the value is JSON null", label);
        }
        List<FieldErrors.FieldError> errors = FieldErrors.of(validator.validate(appeal));
        if (!errors.isEmpty()) {
            throw new RecordRefused("invalid-appeal", errors.stream().map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("; ")), label);
        }
        return appeal;
    }

    private static String label(ConsumerRecord<?, ?> record) {
        return "appeal at " + record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
