package casebook.cases.api.regulatory;

import casebook.cases.api.Actor;
import casebook.cases.api.ByActor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A second legal user (not the one who prepared it: four eyes) approves a prepared disclosure package; it is then
 * recorded on every case it touches. {@code expectedVersion} null skips the version check.
 */
public record ApproveDisclosure(@TargetAggregateIdentifier RegulatoryRequestId requestId, DisclosureId disclosureId,
                                Actor actor, @TargetAggregateVersion Long expectedVersion) implements ByActor {
}
