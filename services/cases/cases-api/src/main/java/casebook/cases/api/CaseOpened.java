package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A case was opened for a subject and category; its first flag follows as {@link FlagAttached}. {@code slaDueAt} is
 * the deadline for its first assignment, {@code decisionDueAt} the one for its decision (null in cases opened
 * before decision deadlines existed). Revision 1 had no {@code decisionDueAt}; stored revision 1 events are read
 * through {@code DecisionDeadlineUpcaster} (docs/events.md).
 */
@Revision("2")
public record CaseOpened(CaseId caseId, SubjectRef subject, Region region, RiskCategory category,
                         Priority priority, Instant slaDueAt, Instant decisionDueAt) {
}
