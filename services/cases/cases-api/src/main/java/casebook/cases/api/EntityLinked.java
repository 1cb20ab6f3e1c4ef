package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** An entity was tied to the case. */
@Revision("1")
public record EntityLinked(CaseId caseId, LinkedEntity entity) {
}
