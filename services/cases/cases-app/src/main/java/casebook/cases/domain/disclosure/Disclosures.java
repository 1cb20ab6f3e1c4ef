package casebook.cases.domain.disclosure;

import casebook.cases.api.CaseId;
import casebook.cases.api.DisclosureRecorded;
import casebook.cases.api.RecordDisclosure;
import casebook.cases.api.regulatory.DisclosureId;
import casebook.cases.domain.CaseRuleBroken;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The disclosures a case has been part of (docs/adr/0020): a member of the case that decides whether an approved
 * package is new to it. The same disclosure recorded again (a replayed approval, a retried command) is nothing new.
 * Who may record one is the case's permission table (legal); the package's own rules (scope, four eyes) are the
 * regulatory request's.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Disclosures {
    private Set<DisclosureId> recorded = new HashSet<>();

    /** The event recording the disclosure on case {@code caseId}, or none when the case has it already. */
    public Optional<DisclosureRecorded> record(CaseId caseId, RecordDisclosure command) {
        requireComplete(command);
        if (recorded.contains(command.disclosureId())) {
            return Optional.empty();
        }
        return Optional.of(new DisclosureRecorded(caseId, command.requestId(), command.disclosureId(),
                command.fields(), command.redacted(), command.recipient(), command.legalBasis(),
                command.preparedBy(), command.approvedBy(), command.approvedAt()));
    }

    /** A record says what was disclosed, to whom, under which basis, who prepared and who approved it, and when. */
    private static void requireComplete(RecordDisclosure command) {
        if (command.requestId() == null || command.disclosureId() == null || command.fields().isEmpty()
                || !command.fields().containsAll(command.redacted()) || command.recipient() == null
                || command.legalBasis() == null || command.preparedBy() == null || command.approvedBy() == null
                || command.approvedAt() == null) {
            throw new CaseRuleBroken("disclosure-incomplete", "a disclosure is recorded with its request, fields,"
                    + " recipient, legal basis, preparer, approver and time of approval");
        }
    }

    @EventSourcingHandler
    void on(DisclosureRecorded event) {
        recorded.add(event.disclosureId());
    }
}
