package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The case became more urgent (new evidence or a missed deadline); its deadlines moved earlier where the new
 * priority demands it: {@code slaDueAt} for the first assignment, {@code decisionDueAt} for the decision (null in
 * events recorded before decision deadlines existed). Revision 1 had no {@code decisionDueAt}; stored revision 1
 * events are read through {@code DecisionDeadlineUpcaster} (docs/events.md).
 */
@Revision("2")
public record PriorityRaised(CaseId caseId, Priority from, Priority to, Instant slaDueAt, Instant decisionDueAt) {
}
