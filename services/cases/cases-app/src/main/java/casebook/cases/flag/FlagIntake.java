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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
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
 */
@Component
class FlagIntake {
    private static final String TRACE_ID = "traceId";
    private final FlagClaims flagClaims;
    private final OpenCaseSlots openCases;

    FlagIntake(FlagClaims flagClaims, OpenCaseSlots openCases) {
        this.flagClaims = flagClaims;
        this.openCases = openCases;
    }

    @CommandHandler
    List<FlagReceipt> handle(RaiseFlags command, CommandGateway commands) {
        List<Flag> flags = command.flags().stream().map(RaiseFlags.Incoming::flag).toList();
        flags.forEach(flag -> requireDetectionInRegion(command.raisedBy(), flag));
        Set<FlagId> claimed = flagClaims.claim(flags);
        Map<OpenCaseSlots.Key, OpenCaseSlots.Slot> slots = openCases.claim(flags.stream()
                .filter(f -> claimed.contains(f.flagId())).map(OpenCaseSlots.Key::of).toList());
        Map<FlagId, CaseId> cases = new HashMap<>();
        flags.stream().filter(f -> claimed.contains(f.flagId()))
                .forEach(f -> cases.putIfAbsent(f.flagId(), slots.get(OpenCaseSlots.Key.of(f)).caseId()));
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
            OpenCaseSlots.Slot slot = slots.get(OpenCaseSlots.Key.of(flag));
            Object change = slot.isNew() && opened.add(slot.caseId())
                    ? new OpenCase(slot.caseId(), flag)
                    : new AttachFlag(slot.caseId(), flag);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(change).andMetaData(
                    incoming.correlationId() == null ? MetaData.emptyInstance() : MetaData.with(TRACE_ID, incoming.correlationId())));
            receipts.add(new FlagReceipt(flag.flagId(), slot.caseId(), false));
        }
        return withDuplicates(receipts, command, duplicates);
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
