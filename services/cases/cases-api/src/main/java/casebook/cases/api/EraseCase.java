package casebook.cases.api;

import java.util.Objects;

/**
 * Retention erases one closed case past its region's retention period (docs/adr/0019), unless it is under a legal
 * hold: its personal data becomes unreadable like an erasure request's. Answers whether the case was erased.
 */
public record EraseCase(CaseId caseId, String erasureId, Actor actor) implements ByActor {
    public EraseCase {
        Objects.requireNonNull(caseId, "case id");
        Objects.requireNonNull(actor, "actor");
    }
}
