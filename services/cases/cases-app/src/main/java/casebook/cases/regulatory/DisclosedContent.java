package casebook.cases.regulatory;

import casebook.cases.api.CaseDecided;
import casebook.cases.api.CaseOpened;
import casebook.cases.api.DisclosableField;
import casebook.cases.api.DuplicateAbsorbed;
import casebook.cases.api.EntityLinked;
import casebook.cases.api.EntityUnlinked;
import casebook.cases.api.Evidence;
import casebook.cases.api.EvidenceAdded;
import casebook.cases.api.Flag;
import casebook.cases.api.FlagAttached;
import casebook.cases.api.LinkedEntity;
import casebook.cases.api.NoteAdded;
import casebook.cases.api.OrderedAction;
import casebook.cases.api.Restriction;
import casebook.cases.api.StatementOfReasons;
import casebook.cases.api.StatementOfReasonsIssued;
import casebook.cases.domain.RiskCase;
import casebook.cases.web.model.DisclosedEntry;
import casebook.cases.web.model.DisclosedField;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the chosen fields of one case held, read from the case's events (docs/adr/0020): pure, the caller reads the
 * events (as of the approval) and this folds them. Each field is a list of named values; every value of a redacted
 * field reads {@value #REDACTED}. Personal data of an erased subject already reads {@code [erased]} from the events.
 */
final class DisclosedContent {
    static final String REDACTED = "[redacted]";

    private final Map<DisclosableField, List<DisclosedEntry>> entries = new EnumMap<>(DisclosableField.class);
    private final Set<String> signals = new LinkedHashSet<>();
    private final List<LinkedEntity> links = new ArrayList<>();

    private DisclosedContent() {
        for (DisclosableField field : DisclosableField.values()) {
            entries.put(field, new ArrayList<>());
        }
    }

    /** The chosen {@code fields} (catalogue order) of the case whose events, oldest first, are {@code events}. */
    static List<DisclosedField> of(List<? extends DomainEventMessage<?>> events, List<DisclosableField> fields,
                                   List<DisclosableField> redacted) {
        DisclosedContent content = new DisclosedContent();
        events.forEach(content::add);
        content.finish();
        List<DisclosedField> result = new ArrayList<>();
        for (DisclosableField field : DisclosableField.values()) {
            if (!fields.contains(field)) continue;
            boolean hidden = redacted.contains(field);
            List<DisclosedEntry> values = content.entries.get(field).stream()
                    .map(e -> hidden ? new DisclosedEntry(e.getName(), REDACTED).at(e.getAt()).by(e.getBy()) : e)
                    .toList();
            result.add(new DisclosedField(casebook.cases.web.model.DisclosableField.fromValue(field.name()), hidden,
                    values));
        }
        return result;
    }

    private void add(DomainEventMessage<?> message) {
        Object event = message.getPayload();
        OffsetDateTime at = utc(message.getTimestamp());
        put(DisclosableField.TIMELINE, "event", message.getPayloadType().getSimpleName(), at,
                (String) message.getMetaData().get(RiskCase.ACTOR));
        if (event instanceof CaseOpened e) {
            put(DisclosableField.SUBJECT, "kind", e.subject().kind().name(), null, null);
            put(DisclosableField.SUBJECT, "id", e.subject().id(), null, null);
        } else if (event instanceof FlagAttached e) {
            flag(e.flag());
        } else if (event instanceof NoteAdded e) {
            put(DisclosableField.NOTES, "note", e.text(), at, e.author());
        } else if (event instanceof EvidenceAdded e) {
            evidence(e.evidence(), at);
        } else if (event instanceof EntityLinked e) {
            links.add(e.entity());
        } else if (event instanceof EntityUnlinked e) {
            links.removeIf(l -> l.kind() == e.kind() && l.value().equals(e.value()));
        } else if (event instanceof DuplicateAbsorbed e) {
            e.flags().forEach(this::flag);
            e.evidence().forEach(x -> evidence(x, at));
            links.addAll(e.entities());
        } else if (event instanceof CaseDecided e) {
            decision(e, at);
        } else if (event instanceof StatementOfReasonsIssued e) {
            statement(e.statement(), at);
        }
    }

    private void flag(Flag flag) {
        put(DisclosableField.FLAGS, "flag", flag.flagId().value() + " " + flag.category() + " score "
                + flag.score().toPlainString() + " from " + flag.source().kind() + " " + flag.source().id() + " "
                + flag.source().version(), utc(flag.observedAt()), null);
        signal("deviceId", flag.signals().deviceIds());
        signal("ip", flag.signals().ips());
        signal("paymentFingerprint", flag.signals().paymentFingerprints());
        signal("linkedAccount", flag.signals().linkedAccounts());
    }

    private void signal(String name, List<String> values) {
        for (String value : values) {
            if (signals.add(name + "\u0000" + value)) {
                put(DisclosableField.SIGNALS, name, value, null, null);
            }
        }
    }

    private void evidence(Evidence evidence, OffsetDateTime at) {
        put(DisclosableField.EVIDENCE, "evidence " + evidence.kind(), evidence.reference(), at, evidence.addedBy());
        put(DisclosableField.EVIDENCE, "sha256", evidence.sha256(), at, evidence.addedBy());
        if (evidence.note() != null) {
            put(DisclosableField.EVIDENCE, "note", evidence.note(), at, evidence.addedBy());
        }
    }

    /** The decision taken last (a reopened case may have had several; the timeline shows them all). */
    private void decision(CaseDecided decided, OffsetDateTime at) {
        entries.get(DisclosableField.DECISION).clear();
        put(DisclosableField.DECISION, "verdict", decided.verdict().name(), at, decided.decidedBy());
        decided.policyRefs().forEach(p -> put(DisclosableField.DECISION, "policyRef", p, null, null));
        put(DisclosableField.DECISION, "rationale", decided.rationale(), null, null);
        for (OrderedAction action : decided.actions()) {
            put(DisclosableField.DECISION, "action", action.action().name() + (action.parameters().isEmpty() ? ""
                    : " " + new java.util.TreeMap<>(action.parameters())), null, null);
        }
        if (decided.approvedBy() != null) {
            put(DisclosableField.DECISION, "approvedBy", decided.approvedBy(), null, null);
        }
    }

    private void statement(StatementOfReasons statement, OffsetDateTime at) {
        DisclosableField f = DisclosableField.STATEMENT_OF_REASONS;
        entries.get(f).clear();
        put(f, "ground", String.valueOf(statement.ground()), at, null);
        if (statement.legalGround() != null) put(f, "legalGround", statement.legalGround(), null, null);
        statement.policyRefs().forEach(p -> put(f, "policyRef", p, null, null));
        if (statement.facts() != null) put(f, "facts", statement.facts(), null, null);
        for (Restriction restriction : statement.restrictions()) {
            put(f, "restriction", restriction.action().name() + " in " + restriction.territorialScope()
                    + (restriction.endsAt() == null ? "" : " until " + restriction.endsAt()), null, null);
        }
        put(f, "source", statement.source(), null, null);
        put(f, "automatedDetection", String.valueOf(statement.automatedDetection()), null, null);
        put(f, "automatedDecision", statement.automatedDecision(), null, null);
        if (statement.appealBy() != null) put(f, "appealBy", statement.appealBy().toString(), null, null);
        statement.redress().forEach(r -> put(f, "redress", r, null, null));
    }

    private void finish() {
        for (LinkedEntity link : links) {
            put(DisclosableField.LINKED_ENTITIES, link.kind().name(), link.value(), null, link.linkedBy());
            if (link.note() != null) {
                put(DisclosableField.LINKED_ENTITIES, "note", link.note(), null, link.linkedBy());
            }
        }
    }

    private void put(DisclosableField field, String name, String value, OffsetDateTime at, String by) {
        entries.get(field).add(new DisclosedEntry(name, value == null ? "" : value).at(at).by(by));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

}
