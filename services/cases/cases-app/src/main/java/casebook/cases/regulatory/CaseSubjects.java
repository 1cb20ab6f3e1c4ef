package casebook.cases.regulatory;

import casebook.cases.api.CaseId;
import casebook.cases.api.CaseOpened;
import casebook.cases.api.SubjectRef;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The subject of each case as its first event ({@code CaseOpened}) in the event store has it: what a disclosure
 * package's scope rule needs to know about cases outside the request, passed into the command (the request's handler
 * does no I/O). A case without events does not exist and is left out.
 */
@Component
class CaseSubjects {
    private final EventStore events;

    CaseSubjects(EventStore events) {
        this.events = events;
    }

    Map<CaseId, SubjectRef> of(Collection<CaseId> caseIds) {
        Map<CaseId, SubjectRef> subjects = new LinkedHashMap<>();
        for (CaseId caseId : caseIds) {
            events.readEvents(caseId.toString(), 0).asStream().findFirst()
                    .filter(first -> first.getPayload() instanceof CaseOpened)
                    .ifPresent(first -> subjects.put(caseId, ((CaseOpened) first.getPayload()).subject()));
        }
        return subjects;
    }
}
