package casebook.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/**
 * A reviewer decides the open appeal: a ruling for every action of the appealed decision and the reasons, which go
 * to the subject. The reviewer is a person who neither proposed nor approved the decision (invariant 6).
 */
public record DecideAppeal(@TargetAggregateIdentifier CaseId caseId, AppealId appealId, List<ActionRuling> rulings,
                           String rationale, Actor actor, @TargetAggregateVersion Long expectedVersion)
        implements ByActor {
    public static final int MAX_RATIONALE_LENGTH = 5_000;

    public DecideAppeal {
        rulings = rulings == null ? List.of() : List.copyOf(rulings);
    }
}
