package casebook.cases.investigation;

import casebook.cases.api.CaseId;
import casebook.cases.api.Flag;
import casebook.cases.api.FlagAttached;
import casebook.cases.api.DuplicateAbsorbed;
import casebook.cases.api.MergeCases;
import casebook.cases.domain.CaseRuleBroken;
import casebook.cases.domain.RiskCase;
import casebook.cases.domain.SlaPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges a duplicate case into the one that survives, in one unit of work and one transaction: the duplicate closes
 * with a pointer ({@code CaseMerged}), the survivor takes its flags (read from the duplicate's history), evidence and
 * linked entities ({@code DuplicateAbsorbed}), and the duplicate's subject slot now names the survivor ({@code CaseSlots}, on
 * {@code CaseMerged}), so later flags of the duplicate's category go there (docs/adr/0011).
 */
@Component
class CaseMerger {
    private final Repository<RiskCase> cases;
    private final EventStore events;
    private final SlaPolicy sla;
    private final DeadlineManager deadlines;

    CaseMerger(Repository<RiskCase> cases, EventStore events, SlaPolicy sla,
               DeadlineManager deadlines) {
        this.cases = cases;
        this.events = events;
        this.sla = sla;
        this.deadlines = deadlines;
    }

    @CommandHandler
    long handle(MergeCases command) {
        // loading checks the region first (a foreign or unknown case is not found), then the version
        Aggregate<RiskCase> survivor = cases.load(command.survivorId().toString(), command.survivorVersion());
        if (command.survivorId().equals(command.duplicateId())) {
            throw new CaseRuleBroken("merge-same-case", "a case cannot be merged into itself");
        }
        Aggregate<RiskCase> duplicate = cases.load(command.duplicateId().toString(), command.duplicateVersion());
        RiskCase.Duplicate handedOver = duplicate.invoke(d -> d.mergeInto(command));
        List<Flag> flags = flagsOf(command.duplicateId());
        survivor.execute(s -> s.absorb(handedOver, flags, command, sla, deadlines));
        return survivor.version();
    }

    /** Every flag the duplicate ever took, its own and those of cases merged into it before. */
    private List<Flag> flagsOf(CaseId caseId) {
        List<Flag> flags = new ArrayList<>();
        events.readEvents(caseId.toString()).asStream().forEach(event -> {
            if (event.getPayload() instanceof FlagAttached attached) {
                flags.add(attached.flag());
            } else if (event.getPayload() instanceof DuplicateAbsorbed absorbed) {
                flags.addAll(absorbed.flags());
            }
        });
        return flags;
    }
}
