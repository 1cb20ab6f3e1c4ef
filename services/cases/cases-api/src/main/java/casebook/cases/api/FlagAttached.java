package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** A flag joined a case (the first flag of a case too). Carries the whole detection. */
@Revision("1")
public record FlagAttached(CaseId caseId, Flag flag) {
}
