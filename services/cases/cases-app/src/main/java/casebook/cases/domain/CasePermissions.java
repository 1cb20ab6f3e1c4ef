package casebook.cases.domain;

import casebook.cases.api.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * Who may send which command to a case: one table, applied in one place ({@link RiskCase#authorize}) before any rule
 * of the case runs. A command missing from the table is refused to everyone (fail closed). Rules that depend on the
 * person and the case (only the assignee proposes, the approver is a second person, an analyst assigns only
 * themselves) are the case's own guards.
 */
public final class CasePermissions {
    private static final Set<Role> WORKERS = EnumSet.of(Role.ANALYST, Role.LEAD);
    private static final Set<Role> WORKERS_AND_LEGAL = EnumSet.of(Role.ANALYST, Role.LEAD, Role.LEGAL);
    private static final Set<Role> LEADS = EnumSet.of(Role.LEAD);
    private static final Set<Role> LEGAL = EnumSet.of(Role.LEGAL);

    private static final Map<Class<? extends ByActor>, Set<Role>> ROLES = Map.ofEntries(
            entry(AssignCase.class, WORKERS),
            entry(UnassignCase.class, WORKERS),
            entry(AddNote.class, WORKERS_AND_LEGAL),
            entry(AddEvidence.class, WORKERS_AND_LEGAL),
            entry(LinkEntity.class, WORKERS),
            entry(UnlinkEntity.class, WORKERS),
            entry(MergeCases.class, WORKERS),
            entry(EscalateCase.class, WORKERS),
            entry(DeescalateCase.class, LEADS),
            entry(ProposeDecision.class, WORKERS),
            entry(ApproveDecision.class, LEADS),
            entry(SendBackDecision.class, LEADS),
            entry(RetryEnforcement.class, LEADS),
            entry(CloseCase.class, WORKERS),
            entry(ReopenCase.class, WORKERS),
            entry(FileAppeal.class, EnumSet.of(Role.SUPPORT, Role.APPEALS)),
            entry(DecideAppeal.class, WORKERS),
            entry(RecordDisclosure.class, EnumSet.of(Role.LEGAL)),
            entry(PlaceLegalHold.class, LEGAL),
            entry(ReleaseLegalHold.class, LEGAL),
            entry(ErasePersonalData.class, EnumSet.of(Role.LEGAL, Role.PRIVACY)));

    private CasePermissions() {
    }

    /** The roles that may send this kind of command; empty for a command nobody may send. */
    public static Set<Role> rolesFor(Class<? extends ByActor> command) {
        return ROLES.getOrDefault(command, Set.of());
    }

    /** @throws ActionNotPermitted unless the actor holds one of the roles the command needs */
    static void require(ByActor command) {
        requireAny(command.actor(), rolesFor(command.getClass()));
    }

    /** @throws ActionNotPermitted unless the actor holds one of {@code roles} */
    static void requireAny(Actor actor, Set<Role> roles) {
        if (roles.stream().noneMatch(actor::has)) {
            throw new ActionNotPermitted("this action needs one of the roles " + roles);
        }
    }
}
