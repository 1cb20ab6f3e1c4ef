package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Attaches a reference to evidence (kind, URI or object key, SHA-256, note) to a case. */
public record AddEvidence(@TargetAggregateIdentifier CaseId caseId, EvidenceId evidenceId, EvidenceKind kind,
                          String reference, String sha256, String note, Actor actor,
                          @TargetAggregateVersion Long expectedVersion) implements ByActor {
}
