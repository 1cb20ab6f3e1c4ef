package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** New evidence made a case more urgent; its SLA due time moved earlier if the new priority demands it. */
@Revision("1")
public record PriorityRaised(CaseId caseId, Priority from, Priority to, Instant slaDueAt) {
}
