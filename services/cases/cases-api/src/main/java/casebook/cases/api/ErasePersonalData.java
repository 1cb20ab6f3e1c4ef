package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An erasure request (GDPR Art. 17, or retention) reaches the case: the case records that its personal data is
 * erased, unless it is under a legal hold. {@code erasureId} names the request, the same on each case it erased.
 */
public record ErasePersonalData(@TargetAggregateIdentifier CaseId caseId, String erasureId, Actor actor)
        implements ByActor {
}
