package casebook.projections.casesearch;

import casebook.cases.api.CaseAssigned;
import casebook.cases.api.CaseId;
import casebook.cases.api.CaseOpened;
import casebook.cases.api.CaseUnassigned;
import casebook.cases.api.Flag;
import casebook.cases.api.FlagAttached;
import casebook.cases.api.FlagId;
import casebook.cases.api.FlagSource;
import casebook.cases.api.Money;
import casebook.cases.api.NoteAdded;
import casebook.cases.api.NoteId;
import casebook.cases.api.Priority;
import casebook.cases.api.PriorityRaised;
import casebook.cases.api.Region;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import casebook.cases.api.SubjectKind;
import casebook.cases.api.SubjectRef;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the event stream of one test case: sequence numbers from 0, timestamps a minute apart from its opening. */
final class CaseEvents {

    static final Instant T0 = Instant.parse("2026-11-20T09:00:00.123456Z");

    final CaseId caseId = CaseId.random();
    private final Instant start;
    private final List<DomainEventMessage<?>> events = new ArrayList<>();

    private CaseEvents(Instant start) {
        this.start = start;
    }

    static CaseEvents opened(String subjectId, Region region, RiskCategory category, Priority priority,
                             Instant slaDueAt) {
        return opened(T0, subjectId, region, category, priority, slaDueAt);
    }

    static CaseEvents opened(Instant at, String subjectId, Region region, RiskCategory category, Priority priority,
                             Instant slaDueAt) {
        CaseEvents c = new CaseEvents(at);
        c.add(new CaseOpened(c.caseId, new SubjectRef(SubjectKind.SELLER, subjectId), region, category, priority,
                             slaDueAt, slaDueAt.plus(java.time.Duration.ofDays(3))));
        return c;
    }

    CaseEvents flag(String flagId, String score, Money money, Signals signals) {
        return add(new FlagAttached(caseId, flagOf(flagId, score, money, signals)));
    }

    private Flag flagOf(String flagId, String score, Money money, Signals signals) {
        DomainEventMessage<?> opening = events.get(0);
        CaseOpened opened = (CaseOpened) opening.getPayload();
        return new Flag(FlagId.of(flagId), new FlagSource(FlagSource.Kind.MODEL, "ring-detector", "7"),
                        opened.subject(), opened.region(), opened.category(), new BigDecimal(score), null, money,
                        signals, T0.minusSeconds(30));
    }

    CaseEvents raised(Priority from, Priority to, Instant slaDueAt) {
        return add(new PriorityRaised(caseId, from, to, slaDueAt, null));
    }

    CaseEvents assigned(String assignee, String previous) {
        return add(new CaseAssigned(caseId, assignee, previous));
    }

    CaseEvents unassigned(String previous) {
        return add(new CaseUnassigned(caseId, previous));
    }

    CaseEvents note(String author, String text) {
        return add(new NoteAdded(caseId, NoteId.random(), author, text));
    }

    CaseEvents add(Object payload) {
        long seq = events.size();
        events.add(new GenericDomainEventMessage<>("RiskCase", caseId.toString(), seq, payload, Map.of(),
                                                   UUID.randomUUID().toString(), start.plusSeconds(60 * seq)));
        return this;
    }

    List<DomainEventMessage<?>> events() {
        return List.copyOf(events);
    }

    /** The document after all events, through the pure apply. */
    CaseDocument document() {
        CaseDocument document = null;
        for (DomainEventMessage<?> e : events) {
            document = CaseDocument.apply(document, e.getPayload(), e.getSequenceNumber(), e.getTimestamp());
        }
        return document;
    }
}
