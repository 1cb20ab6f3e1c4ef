package casebook.cases.flag;

import casebook.cases.api.Actor;
import casebook.cases.api.AttachFlag;
import casebook.cases.api.CaseId;
import casebook.cases.api.Flag;
import casebook.cases.api.FlagId;
import casebook.cases.api.FlagReceipt;
import casebook.cases.api.OpenCase;
import casebook.cases.api.RaiseFlags;
import casebook.cases.api.Role;
import casebook.cases.domain.ActionNotPermitted;
import casebook.cases.domain.CaseRuleBroken;
import casebook.cases.domain.RiskCase;
import casebook.cases.domain.SlaPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns flags into effects exactly once: claims their ids, finds or claims their subjects' open cases (set-based,
 * a few statements per batch), then opens each new case or attaches the flag — all in one unit of work and one
 * database transaction, so a rollback leaves neither claims nor events behind.
 * <p>
 * Each flag's {@link OpenCase} or {@link AttachFlag} is handed straight to the case (its repository), in a nested
 * unit of work of its own so that the flag's events carry the flag's correlation id; going through the command
 * bus instead would add a dispatch (interceptors, monitors, spans) per flag to a poll of hundreds.
 */
@Component
class FlagIntake {
    private static final String TRACE_ID = "traceId";
    private final FlagClaims flagClaims;
    private final CaseSlots openCases;
    private final Repository<RiskCase> cases;
    private final SlaPolicy slaPolicy;
    private final DeadlineManager deadlines;
    private final List<CorrelationDataProvider> correlation;

    FlagIntake(FlagClaims flagClaims, CaseSlots openCases, Repository<RiskCase> cases, SlaPolicy slaPolicy,
               DeadlineManager deadlines, List<CorrelationDataProvider> correlation) {
        this.flagClaims = flagClaims;
        this.openCases = openCases;
        this.cases = cases;
        this.slaPolicy = slaPolicy;
        this.deadlines = deadlines;
        this.correlation = List.copyOf(correlation);
    }

    @CommandHandler
    List<FlagReceipt> handle(RaiseFlags command, MetaData metaData) {
        List<Flag> flags = command.flags().stream().map(RaiseFlags.Incoming::flag).toList();
        flags.forEach(flag -> requireDetectionInRegion(command.raisedBy(), flag));
        Set<FlagId> claimed = flagClaims.claim(flags);
        Map<CaseSlots.Key, CaseSlots.Slot> slots = openCases.claim(flags.stream()
                .filter(f -> claimed.contains(f.flagId())).map(CaseSlots.Key::of).toList());
        Map<FlagId, CaseId> cases = new HashMap<>();
        flags.stream().filter(f -> claimed.contains(f.flagId()))
                .forEach(f -> cases.putIfAbsent(f.flagId(), slots.get(CaseSlots.Key.of(f)).caseId()));
        flagClaims.recordCases(cases);

        Set<FlagId> taken = new HashSet<>();
        Set<CaseId> opened = new HashSet<>();
        List<FlagReceipt> receipts = new ArrayList<>(flags.size());
        List<FlagId> duplicates = new ArrayList<>();
        for (RaiseFlags.Incoming incoming : command.flags()) {
            Flag flag = incoming.flag();
            if (!claimed.contains(flag.flagId()) || !taken.add(flag.flagId())) {
                duplicates.add(flag.flagId());
                receipts.add(null);
                continue;
            }
            CaseSlots.Slot slot = slots.get(CaseSlots.Key.of(flag));
            Object change = slot.isNew() && opened.add(slot.caseId())
                    ? new OpenCase(slot.caseId(), flag)
                    : new AttachFlag(slot.caseId(), flag);
            decide(GenericCommandMessage.asCommandMessage(change).andMetaData(metaData).andMetaData(
                    incoming.correlationId() == null ? MetaData.emptyInstance() : MetaData.with(TRACE_ID, incoming.correlationId())));
            receipts.add(new FlagReceipt(flag.flagId(), slot.caseId(), false));
        }
        return withDuplicates(receipts, command, duplicates);
    }

    /** Lets the case decide one flag, within this batch's transaction; any refusal fails the whole batch. */
    private void decide(CommandMessage<?> change) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(change);
        correlation.forEach(unitOfWork::registerCorrelationDataProvider);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> change.getPayload() instanceof OpenCase open
                ? cases.newInstance(() -> new RiskCase(open, slaPolicy, deadlines))
                : cases.load(((AttachFlag) change.getPayload()).caseId().toString()).handle(change));
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }

    /** Fills in the receipts of flags raised before: the case that took them, if the caller may know it. */
    private List<FlagReceipt> withDuplicates(List<FlagReceipt> receipts, RaiseFlags command, List<FlagId> duplicates) {
        if (duplicates.isEmpty()) return receipts;
        Map<FlagId, FlagClaims.Claim> earlier = flagClaims.find(duplicates);
        for (int i = 0; i < receipts.size(); i++) {
            if (receipts.get(i) != null) continue;
            FlagId flagId = command.flags().get(i).flag().flagId();
            FlagClaims.Claim claim = earlier.get(flagId);
            if (!command.raisedBy().sees(claim.region())) {
                throw new CaseRuleBroken("flag-id-taken", "flag id " + flagId + " was already used");
            }
            receipts.set(i, new FlagReceipt(flagId, claim.caseId(), true));
        }
        return receipts;
    }

    private static void requireDetectionInRegion(Actor actor, Flag flag) {
        if (!actor.has(Role.DETECTION)) {
            throw new ActionNotPermitted("only detection systems raise flags");
        }
        if (!actor.sees(flag.region())) {
            throw new ActionNotPermitted("this detection client may not flag subjects in region " + flag.region());
        }
    }
}
