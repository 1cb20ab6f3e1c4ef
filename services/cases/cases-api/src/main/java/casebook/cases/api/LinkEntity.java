package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Ties an account, device, IP, payment instrument or order to a case. */
public record LinkEntity(@TargetAggregateIdentifier CaseId caseId, EntityKind kind, String value, String note,
                         Actor actor, @TargetAggregateVersion Long expectedVersion) implements ByActor {
}
