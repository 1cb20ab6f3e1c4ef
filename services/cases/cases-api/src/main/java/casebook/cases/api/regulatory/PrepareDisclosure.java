package casebook.cases.api.regulatory;

import casebook.cases.api.Actor;
import casebook.cases.api.ByActor;
import casebook.cases.api.CaseId;
import casebook.cases.api.DisclosableField;
import casebook.cases.api.SubjectRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Legal prepares a disclosure package for an accepted request: the cases, the fields of each to disclose, and which
 * of those fields are disclosed redacted. {@code subjectsOfCases} is not the caller's: the service looks up the
 * subject of each chosen case in the event store (a case missing from it does not exist), so that the request can
 * tell whether a case is in its scope. {@code expectedVersion} null skips the version check.
 */
public record PrepareDisclosure(@TargetAggregateIdentifier RegulatoryRequestId requestId, DisclosureId disclosureId,
                                List<CaseId> caseIds, Set<DisclosableField> fields, Set<DisclosableField> redacted,
                                Map<CaseId, SubjectRef> subjectsOfCases, Actor actor,
                                @TargetAggregateVersion Long expectedVersion) implements ByActor {
    /** At most this many cases in one package. */
    public static final int MAX_CASES = 100;
    /** At most this many packages per request. */
    public static final int MAX_PER_REQUEST = 100;

    public PrepareDisclosure {
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
        fields = fields == null ? Set.of() : Set.copyOf(fields);
        redacted = redacted == null ? Set.of() : Set.copyOf(redacted);
        subjectsOfCases = subjectsOfCases == null ? Map.of() : Map.copyOf(subjectsOfCases);
    }
}
