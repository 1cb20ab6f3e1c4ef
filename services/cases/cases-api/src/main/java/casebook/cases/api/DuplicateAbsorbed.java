package casebook.cases.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The duplicate case {@code duplicateId} (its {@code category}) was merged into this one: its flags, evidence and
 * linked entities are this case's now.
 */
@Revision("1")
public record DuplicateAbsorbed(CaseId caseId, CaseId duplicateId, RiskCategory category, List<Flag> flags,
                                List<Evidence> evidence, List<LinkedEntity> entities, String mergedBy) {
}
