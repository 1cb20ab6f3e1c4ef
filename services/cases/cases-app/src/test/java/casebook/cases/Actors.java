package casebook.cases;

import casebook.cases.api.Actor;
import casebook.cases.api.Flag;
import casebook.cases.api.FlagId;
import casebook.cases.api.FlagReceipt;
import casebook.cases.api.FlagSource;
import casebook.cases.api.RaiseFlags;
import casebook.cases.api.Region;
import casebook.cases.api.RegionScope;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Role;
import casebook.cases.api.Signals;
import casebook.cases.api.SubjectKind;
import casebook.cases.api.SubjectRef;

import org.axonframework.commandhandling.gateway.CommandGateway;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Who acts in the service's integration tests (as the demo realm's users and clients), and a flag to start from. */
public final class Actors {
    public static final Region SEA = new Region("SEA");
    public static final Actor DETECTOR_SEA = new Actor("detector-sea", Set.of(Role.DETECTION), RegionScope.of(Set.of(SEA)));
    public static final Actor ANALYST_SEA = new Actor("ana.sea", Set.of(Role.ANALYST), RegionScope.of(Set.of(SEA)));
    public static final Actor LEAD_SEA = new Actor("lee.sea", Set.of(Role.LEAD), RegionScope.of(Set.of(SEA)));

    private Actors() {
    }

    /** A new flag of the same model on the subject of {@code earlier}, in {@code category}. */
    public static Flag nextFlagOn(Flag earlier, RiskCategory category) {
        Flag fresh = newSellerFlag("0.7");
        return new Flag(fresh.flagId(), fresh.source(), earlier.subject(), earlier.region(), category, fresh.score(),
                null, null, Signals.NONE, fresh.observedAt());
    }

    /** A brushing flag of a model on a new SEA seller, without money or signals. */
    public static Flag newSellerFlag(String score) {
        return new Flag(new FlagId("it-" + UUID.randomUUID()),
                new FlagSource(FlagSource.Kind.MODEL, "brushing-detector", "3.2.0"),
                new SubjectRef(SubjectKind.SELLER, "shop-" + UUID.randomUUID()), SEA, RiskCategory.BRUSHING,
                new BigDecimal(score), null, null, Signals.NONE, Instant.now());
    }

    /** Raises {@code flag} as the SEA detection client, through the service's command gateway: the flag's receipt. */
    public static FlagReceipt raise(CommandGateway commands, Flag flag) {
        List<FlagReceipt> receipts = commands.sendAndWait(RaiseFlags.one(flag, DETECTOR_SEA));
        return receipts.get(0);
    }
}
