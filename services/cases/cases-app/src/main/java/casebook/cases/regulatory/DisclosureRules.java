package casebook.cases.regulatory;

import casebook.cases.api.Actor;
import casebook.cases.api.CaseId;
import casebook.cases.api.DisclosableField;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.regulatory.DisclosureId;
import casebook.cases.api.regulatory.PrepareDisclosure;
import casebook.cases.api.regulatory.RequestScope;
import casebook.cases.domain.ActionNotPermitted;
import casebook.cases.domain.CaseRuleBroken;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a disclosure package of a request, one guard each (docs/adr/0020). Pure: the request asks them with
 * its own state.
 */
final class DisclosureRules {
    private DisclosureRules() {
    }

    /** A package as the request keeps it: enough to tell a repeated prepare from a different one, and to approve it. */
    record Package(List<CaseId> caseIds, List<DisclosableField> fields, List<DisclosableField> redacted,
                   String preparedBy, boolean approved) {
        Package approvedNow() {
            return new Package(caseIds, fields, redacted, preparedBy, true);
        }

        boolean sameAs(PrepareDisclosure command) {
            return caseIds.equals(command.caseIds()) && fields.equals(inCatalogueOrder(command.fields()))
                    && redacted.equals(inCatalogueOrder(command.redacted()));
        }
    }

    /** The fields in the catalogue's order, so that the same choice is always written the same way. */
    static List<DisclosableField> inCatalogueOrder(Set<DisclosableField> fields) {
        return fields.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(fields));
    }

    /** A package names its id, at least one case, none twice, at most {@link PrepareDisclosure#MAX_CASES}. */
    static void requireCases(PrepareDisclosure command) {
        if (command.disclosureId() == null) {
            throw new CaseRuleBroken("disclosure-invalid", "a disclosure package has an id");
        }
        if (command.caseIds().isEmpty()) {
            throw new CaseRuleBroken("disclosure-cases-required", "a disclosure package discloses at least one case");
        }
        if (command.caseIds().size() > PrepareDisclosure.MAX_CASES) {
            throw new CaseRuleBroken("disclosure-too-large", "a disclosure package has at most "
                    + PrepareDisclosure.MAX_CASES + " cases");
        }
        if (new HashSet<>(command.caseIds()).size() < command.caseIds().size()) {
            throw new CaseRuleBroken("disclosure-invalid", "a case is named twice in the package");
        }
    }

    /** At least one field of the catalogue; a field is redacted only if it is disclosed. */
    static void requireFields(PrepareDisclosure command) {
        if (command.fields().isEmpty()) {
            throw new CaseRuleBroken("disclosure-fields-required", "a disclosure package discloses at least one field");
        }
        if (!command.fields().containsAll(command.redacted())) {
            throw new CaseRuleBroken("redaction-not-disclosed", "only a field the package discloses can be redacted");
        }
    }

    /**
     * Each case exists (the service found its subject in the event store) and is in the request's scope: named in it,
     * or a case of a subject named in it (also one opened after the request was accepted).
     */
    static void requireInScope(PrepareDisclosure command, RequestScope scope) {
        Map<CaseId, SubjectRef> subjects = command.subjectsOfCases();
        for (CaseId caseId : command.caseIds()) {
            SubjectRef subject = subjects.get(caseId);
            if (subject == null) {
                throw new CaseRuleBroken("case-unknown", "there is no case " + caseId.value());
            }
            if (!scope.caseIds().contains(caseId) && !scope.subjects().contains(subject)) {
                throw new CaseRuleBroken("case-not-in-scope", "case " + caseId.value()
                        + " is neither named in the request's scope nor about a subject named in it");
            }
        }
    }

    /** A request has at most {@link PrepareDisclosure#MAX_PER_REQUEST} packages. */
    static void requireRoomFor(Map<DisclosureId, Package> packages) {
        if (packages.size() >= PrepareDisclosure.MAX_PER_REQUEST) {
            throw new CaseRuleBroken("too-many-disclosures", "a request has at most "
                    + PrepareDisclosure.MAX_PER_REQUEST + " disclosure packages");
        }
    }

    /** The same id prepared again is the same package (no change), never a different one. */
    static void requireSamePackage(Package existing, PrepareDisclosure command) {
        if (!existing.sameAs(command)) {
            throw new CaseRuleBroken("disclosure-exists", "disclosure " + command.disclosureId().value()
                    + " was prepared with other cases or fields; choose a new id for another package");
        }
    }

    static Package requireKnown(Map<DisclosureId, Package> packages, DisclosureId id) {
        Package found = id == null ? null : packages.get(id);
        if (found == null) {
            throw new DisclosureNotFound(id);
        }
        return found;
    }

    /** Four eyes: a second legal user approves, never the one who prepared the package. */
    static void requireSecondLegalUser(Package disclosure, Actor approver) {
        if (approver.userId().equals(disclosure.preparedBy())) {
            throw new ActionNotPermitted("four-eyes", "four eyes: a disclosure package is approved by another legal"
                    + " user than the one who prepared it");
        }
    }
}
