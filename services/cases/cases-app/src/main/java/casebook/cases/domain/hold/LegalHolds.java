package casebook.cases.domain.hold;

import casebook.cases.api.CaseId;
import casebook.cases.api.ErasePersonalData;
import casebook.cases.api.LegalHoldPlaced;
import casebook.cases.api.LegalHoldReleased;
import casebook.cases.api.PersonalDataErased;
import casebook.cases.api.PlaceLegalHold;
import casebook.cases.api.ReleaseLegalHold;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.api.regulatory.RegulatoryRequestStatus;
import casebook.cases.domain.CaseRuleBroken;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The legal holds on a case and what they protect: its personal data (invariant 8, GDPR Art. 17(3), docs/adr/0019).
 * A hold is justified by one accepted regulatory request; a case carries at most one hold per request and may carry
 * several. A member of the case ({@code @AggregateMember}): it decides what a command means for the holds and answers
 * the event (nothing for a repeat); the case checks who may act (legal only, see {@code CasePermissions}) and records.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class LegalHolds {
    /** More holds than this on one case would mean a runaway request scope, not real work. */
    public static final int MAX_PER_CASE = 1_000;
    private static final Pattern ERASURE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private Set<RegulatoryRequestId> requests = new LinkedHashSet<>();
    private boolean erased;

    /** A hold for an accepted request; nothing when that request holds the case already. */
    public Optional<LegalHoldPlaced> place(CaseId caseId, PlaceLegalHold command) {
        requireRequestNamed(command.requestId());
        if (requests.contains(command.requestId())) {
            return Optional.empty();
        }
        requireAccepted(command.requestId(), command.requestStatus());
        if (requests.size() >= MAX_PER_CASE) {
            throw new CaseRuleBroken("too-many-holds", "a case carries at most " + MAX_PER_CASE + " legal holds");
        }
        return Optional.of(new LegalHoldPlaced(caseId, command.requestId(), command.actor().userId()));
    }

    /** Releases the request's hold; only a hold that is there can be released. */
    public LegalHoldReleased release(CaseId caseId, ReleaseLegalHold command) {
        requireRequestNamed(command.requestId());
        if (!requests.contains(command.requestId())) {
            throw new CaseRuleBroken("hold-not-found", "the case is not held for request " + command.requestId().value());
        }
        return new LegalHoldReleased(caseId, command.requestId(), command.actor().userId());
    }

    /** The case's personal data is erased unless a hold protects it; nothing when it was erased already. */
    public Optional<PersonalDataErased> erase(CaseId caseId, ErasePersonalData command) {
        if (command.erasureId() == null || !ERASURE_ID.matcher(command.erasureId()).matches()) {
            throw new CaseRuleBroken("erasure-id-invalid", "an erasure names its request: 1-128 letters, digits,"
                    + " '.', '_', ':' or '-'");
        }
        if (!requests.isEmpty()) {
            throw new CaseRuleBroken("case-under-legal-hold", "the case is held for request(s) "
                    + String.join(", ", held().stream().map(RegulatoryRequestId::value).toList())
                    + "; its personal data cannot be erased until they are released");
        }
        if (erased) {
            return Optional.empty();
        }
        return Optional.of(new PersonalDataErased(caseId, command.erasureId(), command.actor().userId()));
    }

    /** The requests holding the case, in the order their holds were placed. */
    public List<RegulatoryRequestId> held() {
        return List.copyOf(requests);
    }

    private static void requireRequestNamed(RegulatoryRequestId requestId) {
        if (requestId == null) {
            throw new CaseRuleBroken("hold-request-required", "a legal hold names the regulatory request that"
                    + " justifies it");
        }
    }

    /** Only a request legal accepted, and has not closed, justifies a hold. */
    private static void requireAccepted(RegulatoryRequestId requestId, RegulatoryRequestStatus status) {
        if (status == null) {
            throw new CaseRuleBroken("unknown-request", "there is no regulatory request " + requestId.value());
        }
        if (status != RegulatoryRequestStatus.ACCEPTED) {
            throw new CaseRuleBroken("request-not-accepted", "only an accepted, open request justifies a hold;"
                    + " request " + requestId.value() + " is " + status);
        }
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event) {
        requests.add(event.requestId());
    }

    @EventSourcingHandler
    void on(LegalHoldReleased event) {
        requests.remove(event.requestId());
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erased = true;
    }
}
