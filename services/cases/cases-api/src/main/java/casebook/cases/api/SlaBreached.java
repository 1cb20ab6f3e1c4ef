package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A deadline of the case passed with its stage unmet; the case's priority rises and it goes to the lead. */
@Revision("1")
public record SlaBreached(CaseId caseId, SlaStage stage, Instant dueAt) {
}
