package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A closed case was reopened: by a person on new evidence, or by a new flag within the reopen window
 * (docs/adr/0011). It is open and unassigned again, needs a new decision by {@code decisionDueAt}.
 */
@Revision("1")
public record CaseReopened(CaseId caseId, @PersonalData String reason, String reopenedBy, ResolutionCode previousResolution,
                           Instant decisionDueAt) {
}
