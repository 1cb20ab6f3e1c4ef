package casebook.cases.flag;

import casebook.cases.api.AttachFlag;
import casebook.cases.api.CaseId;
import casebook.cases.api.Flag;
import casebook.cases.api.FlagReceipt;
import casebook.cases.api.OpenCase;
import casebook.cases.api.RaiseFlag;
import casebook.cases.api.Role;
import casebook.cases.domain.ActionNotPermitted;
import casebook.cases.domain.CaseRuleBroken;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Turns a flag into an effect exactly once: claims the flag id, finds or claims the subject's open case,
 * and opens the case or attaches the flag — all in the caller's unit of work and database transaction,
 * so a rollback leaves neither claims nor events behind.
 */
@Component
class FlagIntake {
    private final FlagClaims flagClaims;
    private final OpenCaseSlots openCases;

    FlagIntake(FlagClaims flagClaims, OpenCaseSlots openCases) {
        this.flagClaims = flagClaims;
        this.openCases = openCases;
    }

    @CommandHandler
    FlagReceipt handle(RaiseFlag command, CommandGateway commands) {
        Flag flag = command.flag();
        requireDetectionInRegion(command);
        if (!flagClaims.claim(flag.flagId(), flag.region())) {
            return duplicate(command);
        }
        OpenCaseSlots.Slot slot = openCases.claim(flag, CaseId.random());
        flagClaims.recordCase(flag.flagId(), slot.caseId());
        if (slot.isNew()) {
            commands.sendAndWait(new OpenCase(slot.caseId(), flag));
        } else {
            commands.sendAndWait(new AttachFlag(slot.caseId(), flag));
        }
        return new FlagReceipt(flag.flagId(), slot.caseId(), false);
    }

    private FlagReceipt duplicate(RaiseFlag command) {
        Flag flag = command.flag();
        FlagClaims.Claim earlier = flagClaims.find(flag.flagId()).orElseThrow();
        if (!command.raisedBy().sees(earlier.region())) {
            throw new CaseRuleBroken("flag-id-taken", "flag id " + flag.flagId() + " was already used");
        }
        return new FlagReceipt(flag.flagId(), earlier.caseId(), true);
    }

    private static void requireDetectionInRegion(RaiseFlag command) {
        if (!command.raisedBy().has(Role.DETECTION)) {
            throw new ActionNotPermitted("only detection systems raise flags");
        }
        if (!command.raisedBy().sees(command.flag().region())) {
            throw new ActionNotPermitted("this detection client may not flag subjects in region "
                    + command.flag().region());
        }
    }
}
