package casebook.cases.regulatory;

import casebook.cases.api.Actor;
import casebook.cases.api.Role;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.regulatory.AcceptRegulatoryRequest;
import casebook.cases.api.regulatory.ApproveDisclosure;
import casebook.cases.api.regulatory.DisclosureApproved;
import casebook.cases.api.regulatory.DisclosureId;
import casebook.cases.api.regulatory.DisclosurePrepared;
import casebook.cases.api.regulatory.PrepareDisclosure;
import casebook.cases.api.regulatory.Authority;
import casebook.cases.api.regulatory.CloseRegulatoryRequest;
import casebook.cases.api.regulatory.DocumentRef;
import casebook.cases.api.regulatory.ReceiveRegulatoryRequest;
import casebook.cases.api.regulatory.RecordClarification;
import casebook.cases.api.regulatory.RegulatoryRequestAccepted;
import casebook.cases.api.regulatory.RegulatoryRequestClarificationRequested;
import casebook.cases.api.regulatory.RegulatoryRequestClarified;
import casebook.cases.api.regulatory.RegulatoryRequestClosed;
import casebook.cases.api.regulatory.RegulatoryRequestDueSoon;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.api.regulatory.RegulatoryRequestOverdue;
import casebook.cases.api.regulatory.RegulatoryRequestReceived;
import casebook.cases.api.regulatory.RegulatoryRequestRejected;
import casebook.cases.api.regulatory.RegulatoryRequestStatus;
import casebook.cases.api.regulatory.RejectRegulatoryRequest;
import casebook.cases.api.regulatory.RequestClarification;
import casebook.cases.api.regulatory.RequestKind;
import casebook.cases.api.regulatory.RequestScope;
import casebook.cases.domain.ActionNotPermitted;
import casebook.cases.domain.CaseRuleBroken;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A request from an authority (a regulator, a court, law enforcement) that legal reviews: received, perhaps sent back
 * for clarification and received again, then accepted or rejected (with a reason); an accepted request is closed once
 * fulfilled. Its due date reminds legal beforehand and escalates when it passes. Legal only; a request belongs to no
 * region (its scope may span several). It only decides: one guard per rule, state only in event sourcing handlers.
 * Command handlers answer the request's version after the change.
 */
@Aggregate(repository = "regulatoryRequestRepository")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RegulatoryRequest {
    /** A received date further ahead than this is a typo, not clock skew. */
    static final Duration RECEIVED_AHEAD_TOLERANCE = Duration.ofHours(1);
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ONE_TOKEN = Pattern.compile("[^\\s\\p{Cntrl}]+");
    /** Control characters other than tab, line feed and carriage return (allowed in multi-line text). */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern ANY_CONTROL = Pattern.compile("\\p{Cntrl}");

    @AggregateIdentifier
    private RegulatoryRequestId id;
    private RegulatoryRequestStatus status;
    private RequestKind kind;
    private Authority authority;
    private String legalBasis;
    private RequestScope scope;
    private Instant dueAt;
    private boolean reminded;
    private boolean overdue;
    /** Its disclosure packages by id (docs/adr/0020). */
    private Map<DisclosureId, DisclosureRules.Package> disclosures = new LinkedHashMap<>();

    protected RegulatoryRequest() {
        // for Axon
    }

    @CommandHandler
    public RegulatoryRequest(ReceiveRegulatoryRequest command, RegulatoryProperties properties,
                             DeadlineManager deadlines) {
        Actor actor = command.actor();
        requireLegal(actor);
        requireAuthority(command.authority());
        requireText("legal-basis-required", "legal basis", command.legalBasis(),
                ReceiveRegulatoryRequest.MAX_LEGAL_BASIS_LENGTH, true);
        requireKind(command.kind());
        requireText("reference-required", "authority's reference", command.reference(),
                ReceiveRegulatoryRequest.MAX_REFERENCE_LENGTH, false);
        requireDates(command.receivedAt(), command.dueAt());
        requireScope(command.scope());
        requireDocuments(command.documents());
        apply(new RegulatoryRequestReceived(command.requestId(), new Authority(command.authority().name().strip(),
                command.authority().jurisdiction().strip()), command.legalBasis().strip(), command.kind(),
                command.reference().strip(), command.receivedAt(), command.dueAt(), command.scope(),
                command.documents(), actor.userId()));
        scheduleDueDate(command.requestId(), command.dueAt(), properties.reminderBefore(), deadlines);
    }

    /** A reminder {@code before} the due date (unless that moment is already behind us) and the escalation at it. */
    private static void scheduleDueDate(RegulatoryRequestId id, Instant dueAt, Duration before,
                                        DeadlineManager deadlines) {
        Instant remindAt = dueAt.minus(before);
        if (remindAt.isAfter(now())) {
            new DueDate(DueDate.Stage.REMINDER, dueAt).schedule(remindAt, id, deadlines);
        }
        new DueDate(DueDate.Stage.OVERDUE, dueAt).schedule(dueAt, id, deadlines);
    }

    @CommandHandler
    public long handle(RequestClarification command) {
        Actor actor = command.actor();
        requireLegal(actor);
        requireNotOver();
        requireStatus(RegulatoryRequestStatus.RECEIVED);
        requireText("question-required", "question", command.question(), RequestClarification.MAX_TEXT_LENGTH, true);
        apply(new RegulatoryRequestClarificationRequested(id, command.question().strip(), actor.userId()));
        return getVersion();
    }

    @CommandHandler
    public long handle(RecordClarification command) {
        Actor actor = command.actor();
        requireLegal(actor);
        requireNotOver();
        requireStatus(RegulatoryRequestStatus.CLARIFICATION_REQUESTED);
        requireText("clarification-required", "clarification", command.answer(), RecordClarification.MAX_TEXT_LENGTH,
                true);
        apply(new RegulatoryRequestClarified(id, command.answer().strip(), actor.userId()));
        return getVersion();
    }

    @CommandHandler
    public long handle(AcceptRegulatoryRequest command) {
        Actor actor = command.actor();
        requireLegal(actor);
        requireNotOver();
        requireNoClarificationPending();
        requireStatus(RegulatoryRequestStatus.RECEIVED);
        apply(new RegulatoryRequestAccepted(id, kind, scope, dueAt, actor.userId()));
        return getVersion();
    }

    @CommandHandler
    public long handle(RejectRegulatoryRequest command) {
        Actor actor = command.actor();
        requireLegal(actor);
        requireNotOver();
        requireStatus(RegulatoryRequestStatus.RECEIVED, RegulatoryRequestStatus.CLARIFICATION_REQUESTED);
        requireText("rejection-reason-required", "reason for the rejection", command.reason(),
                RejectRegulatoryRequest.MAX_TEXT_LENGTH, true);
        apply(new RegulatoryRequestRejected(id, command.reason().strip(), actor.userId()));
        return getVersion();
    }

    @CommandHandler
    public long handle(CloseRegulatoryRequest command) {
        Actor actor = command.actor();
        requireLegal(actor);
        requireNotOver();
        requireAccepted();
        requireOptionalText("close-note-invalid", "closing note", command.note(), CloseRegulatoryRequest.MAX_TEXT_LENGTH);
        apply(new RegulatoryRequestClosed(id, scope, blankToNull(command.note()), actor.userId()));
        return getVersion();
    }

    // ---- disclosure packages (docs/adr/0020): prepared by one legal user, approved by another

    /** A package for the request's authority; the same id with the same content again changes nothing. */
    @CommandHandler
    public long handle(PrepareDisclosure command) {
        Actor actor = command.actor();
        requireLegal(actor);
        requireNotOver();
        requireAcceptedTo("disclose");
        DisclosureRules.requireCases(command);
        DisclosureRules.requireFields(command);
        DisclosureRules.Package existing = disclosures.get(command.disclosureId());
        if (existing != null) {
            DisclosureRules.requireSamePackage(existing, command);
            return getVersion();
        }
        DisclosureRules.requireRoomFor(disclosures);
        DisclosureRules.requireInScope(command, scope);
        apply(new DisclosurePrepared(id, command.disclosureId(), command.caseIds(),
                DisclosureRules.inCatalogueOrder(command.fields()), DisclosureRules.inCatalogueOrder(command.redacted()),
                actor.userId()));
        return getVersion();
    }

    /** Four eyes: another legal user than the preparer approves; approving an approved package changes nothing. */
    @CommandHandler
    public long handle(ApproveDisclosure command) {
        Actor actor = command.actor();
        requireLegal(actor);
        requireNotOver();
        requireAcceptedTo("disclose");
        DisclosureRules.Package disclosure = DisclosureRules.requireKnown(disclosures, command.disclosureId());
        DisclosureRules.requireSecondLegalUser(disclosure, actor);
        if (!disclosure.approved()) {
            apply(new DisclosureApproved(id, command.disclosureId(), disclosure.caseIds(), disclosure.fields(),
                    disclosure.redacted(), authority, legalBasis, disclosure.preparedBy(), actor.userId()));
        }
        return getVersion();
    }

    /**
     * A due-date deadline came. Nothing happens for a request that is over (rejected or closed), for a due date that
     * is no longer the request's, or for a stage already recorded; otherwise the reminder or the escalation is recorded.
     */
    @DeadlineHandler(deadlineName = DueDate.NAME)
    void on(DueDate due) {
        if (status.isOver() || !due.dueAt().equals(dueAt)) {
            return;
        }
        if (due.stage() == DueDate.Stage.REMINDER && !reminded && !overdue) {
            apply(new RegulatoryRequestDueSoon(id, dueAt, status));
        } else if (due.stage() == DueDate.Stage.OVERDUE && !overdue) {
            apply(new RegulatoryRequestOverdue(id, dueAt, status));
        }
    }

    // ---- guards: one per rule

    /**
     * The repository's wall, asked on load before anything else (and before the expected version): only legal sees
     * regulatory requests; to anyone else a request does not exist. Legal sees every request, whatever its scope's
     * regions.
     */
    public void requireVisibleTo(Actor actor) {
        if (!actor.has(Role.LEGAL)) {
            throw new RegulatoryRequestNotFound(id == null ? "" : id.value());
        }
    }

    /** Regulatory requests are legal's work only. */
    private static void requireLegal(Actor actor) {
        if (!actor.has(Role.LEGAL)) {
            throw new ActionNotPermitted("regulatory requests are handled by legal only");
        }
    }

    private static void requireAuthority(Authority authority) {
        if (authority == null) {
            throw new CaseRuleBroken("authority-required", "a request names the authority that sent it");
        }
        requireText("authority-required", "authority's name", authority.name(), Authority.MAX_NAME_LENGTH, false);
        requireText("authority-required", "authority's jurisdiction", authority.jurisdiction(),
                Authority.MAX_JURISDICTION_LENGTH, false);
    }

    private static void requireKind(RequestKind kind) {
        if (kind == null) {
            throw new CaseRuleBroken("kind-required", "a request is an information request, a preservation order,"
                    + " a takedown order or other");
        }
    }

    /** Received no later than now (give or take clock skew); due after it was received. */
    private static void requireDates(Instant receivedAt, Instant dueAt) {
        if (receivedAt == null || dueAt == null) {
            throw new CaseRuleBroken("dates-required", "a request has a received date and a due date");
        }
        if (receivedAt.isAfter(now().plus(RECEIVED_AHEAD_TOLERANCE))) {
            throw new CaseRuleBroken("received-in-future", "a request cannot have been received in the future");
        }
        if (!dueAt.isAfter(receivedAt)) {
            throw new CaseRuleBroken("due-before-received", "the due date is after the date the request was received");
        }
    }

    /** At least one subject or case, each list bounded, no empty entries. */
    private static void requireScope(RequestScope scope) {
        if (scope == null || scope.isEmpty()) {
            throw new CaseRuleBroken("scope-empty", "a request is about at least one subject or case");
        }
        if (scope.subjects().size() > RequestScope.MAX_SUBJECTS || scope.caseIds().size() > RequestScope.MAX_CASES) {
            throw new CaseRuleBroken("scope-too-large", "a request names at most " + RequestScope.MAX_SUBJECTS
                    + " subjects and " + RequestScope.MAX_CASES + " cases");
        }
        for (SubjectRef subject : scope.subjects()) {
            if (ANY_CONTROL.matcher(subject.id()).find()) {
                throw new CaseRuleBroken("scope-invalid", "a subject id has no control characters");
            }
        }
        if (new HashSet<>(scope.subjects()).size() < scope.subjects().size()
                || new HashSet<>(scope.caseIds()).size() < scope.caseIds().size()) {
            throw new CaseRuleBroken("scope-invalid", "a subject or case is named twice in the scope");
        }
    }

    /** Documents by reference (a URI or an object key, one token) and SHA-256, bounded, none twice. */
    private static void requireDocuments(List<DocumentRef> documents) {
        if (documents.size() > DocumentRef.MAX_PER_REQUEST) {
            throw new CaseRuleBroken("too-many-documents", "a request has at most " + DocumentRef.MAX_PER_REQUEST
                    + " documents");
        }
        Set<String> seen = new HashSet<>();
        for (DocumentRef document : documents) {
            if (document.reference() == null || document.reference().length() > DocumentRef.MAX_REFERENCE_LENGTH
                    || !ONE_TOKEN.matcher(document.reference()).matches()) {
                throw new CaseRuleBroken("document-invalid", "a document's reference is a URI or an object key of 1-"
                        + DocumentRef.MAX_REFERENCE_LENGTH + " characters, without spaces or control characters");
            }
            if (document.sha256() == null || !SHA_256.matcher(document.sha256()).matches()) {
                throw new CaseRuleBroken("document-invalid", "a document's SHA-256 is 64 lower-case hex digits");
            }
            if (!seen.add(document.sha256())) {
                throw new CaseRuleBroken("document-duplicated", "the same document (SHA-256) is listed twice");
            }
        }
    }

    /** A rejected or closed request is over: nothing changes it any more. */
    private void requireNotOver() {
        if (status.isOver()) {
            throw new CaseRuleBroken("request-over", "the request is " + status + "; nothing changes it any more");
        }
    }

    /** An accepted request cannot be accepted while the authority still owes a clarification. */
    private void requireNoClarificationPending() {
        if (status == RegulatoryRequestStatus.CLARIFICATION_REQUESTED) {
            throw new CaseRuleBroken("clarification-pending", "the authority has not answered the clarification yet;"
                    + " record its answer first (or reject the request)");
        }
    }

    /** Only an accepted request is fulfilled: its packages are prepared and approved while it is accepted. */
    private void requireAcceptedTo(String what) {
        if (status != RegulatoryRequestStatus.ACCEPTED) {
            throw new CaseRuleBroken("request-not-accepted", "only an accepted request may " + what + "; this one is "
                    + status);
        }
    }

    /** Only an accepted request is fulfilled and closed. */
    private void requireAccepted() {
        if (status != RegulatoryRequestStatus.ACCEPTED) {
            throw new CaseRuleBroken("request-not-accepted", "only an accepted request is closed; this one is "
                    + status);
        }
    }

    private void requireStatus(RegulatoryRequestStatus... allowed) {
        for (RegulatoryRequestStatus s : allowed) {
            if (status == s) return;
        }
        throw new CaseRuleBroken("request-status", "not possible while the request is " + status);
    }

    /** 1-{@code maxLength} characters, not blank, without control characters (tab and line breaks where multi-line). */
    private static void requireText(String rule, String what, String text, int maxLength, boolean multiLine) {
        if (text == null || text.isBlank() || text.length() > maxLength
                || (multiLine ? CONTROL : ANY_CONTROL).matcher(text).find()) {
            throw new CaseRuleBroken(rule, "the " + what + " needs 1-" + maxLength + " characters"
                    + (multiLine ? ", without control characters other than line breaks" : " on one line"));
        }
    }

    private static void requireOptionalText(String rule, String what, String text, int maxLength) {
        if (text != null && (text.length() > maxLength || CONTROL.matcher(text).find())) {
            throw new CaseRuleBroken(rule, "the " + what + " has at most " + maxLength
                    + " characters and no control characters");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    // ---- state

    @EventSourcingHandler
    void on(RegulatoryRequestReceived event) {
        id = event.requestId();
        kind = event.kind();
        authority = event.authority();
        legalBasis = event.legalBasis();
        scope = event.scope();
        dueAt = event.dueAt();
        status = RegulatoryRequestStatus.RECEIVED;
    }

    @EventSourcingHandler
    void on(RegulatoryRequestClarificationRequested event) {
        status = RegulatoryRequestStatus.CLARIFICATION_REQUESTED;
    }

    @EventSourcingHandler
    void on(RegulatoryRequestClarified event) {
        status = RegulatoryRequestStatus.RECEIVED;
    }

    @EventSourcingHandler
    void on(RegulatoryRequestAccepted event) {
        status = RegulatoryRequestStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(RegulatoryRequestRejected event) {
        status = RegulatoryRequestStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(RegulatoryRequestClosed event) {
        status = RegulatoryRequestStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(DisclosurePrepared event) {
        disclosures.put(event.disclosureId(), new DisclosureRules.Package(event.caseIds(), event.fields(),
                event.redacted(), event.preparedBy(), false));
    }

    @EventSourcingHandler
    void on(DisclosureApproved event) {
        disclosures.computeIfPresent(event.disclosureId(), (key, prepared) -> prepared.approvedNow());
    }

    @EventSourcingHandler
    void on(RegulatoryRequestDueSoon event) {
        reminded = true;
    }

    @EventSourcingHandler
    void on(RegulatoryRequestOverdue event) {
        overdue = true;
    }
}
