package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The case became more urgent (new evidence or a missed deadline); its deadlines moved earlier where the new
 * priority demands it: {@code slaDueAt} for the first assignment, {@code decisionDueAt} for the decision (absent in
 * events recorded before decision deadlines existed).
 */
@Revision("1")
public record PriorityRaised(CaseId caseId, Priority from, Priority to, Instant slaDueAt, Instant decisionDueAt) {
}
