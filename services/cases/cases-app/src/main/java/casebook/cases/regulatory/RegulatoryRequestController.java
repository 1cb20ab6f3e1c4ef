package casebook.cases.regulatory;

import casebook.cases.api.CaseId;
import casebook.cases.api.SubjectKind;
import casebook.cases.api.SubjectRef;
import casebook.cases.api.DisclosableField;
import casebook.cases.api.regulatory.AcceptRegulatoryRequest;
import casebook.cases.api.regulatory.ApproveDisclosure;
import casebook.cases.api.regulatory.DisclosureId;
import casebook.cases.api.regulatory.PrepareDisclosure;
import casebook.cases.api.regulatory.Authority;
import casebook.cases.api.regulatory.CloseRegulatoryRequest;
import casebook.cases.api.regulatory.DocumentRef;
import casebook.cases.api.regulatory.ReceiveRegulatoryRequest;
import casebook.cases.api.regulatory.RecordClarification;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.api.regulatory.RejectRegulatoryRequest;
import casebook.cases.api.regulatory.RequestClarification;
import casebook.cases.api.regulatory.RequestKind;
import casebook.cases.api.regulatory.RequestScope;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.infrastructure.web.CaseCommands;
import casebook.cases.infrastructure.web.Problems;
import casebook.cases.infrastructure.web.Versions;
import casebook.cases.web.api.RegulatoryApi;
import casebook.cases.web.model.ClarificationAnswer;
import casebook.cases.web.model.ClarificationQuestion;
import casebook.cases.web.model.Disclosure;
import casebook.cases.web.model.NewDisclosure;
import casebook.cases.web.model.NewRegulatoryRequest;
import casebook.cases.web.model.RegulatoryClosure;
import casebook.cases.web.model.RegulatoryRequestChange;
import casebook.cases.web.model.RegulatoryRequestPage;
import casebook.cases.web.model.RegulatoryRequestStatus;
import casebook.cases.web.model.Rejection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Legal's regulatory requests over REST: map, send, answer. Creating is idempotent by the caller's request id; reads
 * come from the read model, which the command's own transaction has already updated.
 */
@RestController
class RegulatoryRequestController implements RegulatoryApi {
    private static final Logger log = LoggerFactory.getLogger(RegulatoryRequestController.class);

    private final CommandGateway gateway;
    private final CaseCommands commands;
    private final RegulatoryRequests requests;
    private final DisclosurePackages disclosures;
    private final CaseSubjects subjects;

    RegulatoryRequestController(CommandGateway gateway, CaseCommands commands, RegulatoryRequests requests,
                                DisclosurePackages disclosures, CaseSubjects subjects) {
        this.gateway = gateway;
        this.commands = commands;
        this.requests = requests;
        this.disclosures = disclosures;
        this.subjects = subjects;
    }

    @Override
    public ResponseEntity<casebook.cases.web.model.RegulatoryRequest> createRegulatoryRequest(NewRegulatoryRequest body,
                                                                                           String correlationId) {
        RegulatoryRequestId id = new RegulatoryRequestId(body.getRequestId());
        boolean created = false;
        if (requests.find(id).isEmpty()) {
            try {
                gateway.sendAndWait(toCommand(id, body));
                created = true;
            } catch (AggregateStreamCreationException recordedAtTheSameTime) {
                // another create with this id committed first: the event store's key kept it to one request
                log.debug("regulatory request {} was recorded by a concurrent request", id.value());
            }
        }
        casebook.cases.web.model.RegulatoryRequest stored = requests.find(id)
                .orElseThrow(() -> new RegulatoryRequestNotFound(id.value()));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(RegulatoryApi.PATH_GET_REGULATORY_REQUEST.replace("{requestId}", id.value())))
                .eTag(Versions.eTag(stored.getVersion()))
                .body(stored);
    }

    @Override
    public ResponseEntity<RegulatoryRequestPage> searchRegulatoryRequests(String authority,
                                                                          Set<RegulatoryRequestStatus> status,
                                                                          OffsetDateTime dueBefore,
                                                                          OffsetDateTime dueAfter, Integer page,
                                                                          Integer size) {
        return ResponseEntity.ok(requests.search(new RegulatoryRequests.Criteria(authority,
                status == null ? List.of() : status.stream().map(RegulatoryRequestStatus::getValue).toList(),
                dueBefore, dueAfter, page == null ? 0 : page, size == null ? 20 : size)));
    }

    @Override
    public ResponseEntity<casebook.cases.web.model.RegulatoryRequest> getRegulatoryRequest(String requestId) {
        casebook.cases.web.model.RegulatoryRequest request = requests.find(new RegulatoryRequestId(requestId))
                .orElseThrow(() -> new RegulatoryRequestNotFound(requestId));
        return ResponseEntity.ok().eTag(Versions.eTag(request.getVersion())).body(request);
    }

    @Override
    public ResponseEntity<RegulatoryRequestChange> requestClarification(String requestId, ClarificationQuestion body,
                                                                        String ifMatch, String correlationId) {
        long version = commands.send(new RequestClarification(new RegulatoryRequestId(requestId), body.getQuestion(),
                Callers.current(), Versions.fromIfMatch(ifMatch)), null);
        return changed(requestId, version, RegulatoryRequestStatus.CLARIFICATION_REQUESTED);
    }

    @Override
    public ResponseEntity<RegulatoryRequestChange> recordClarification(String requestId, ClarificationAnswer body,
                                                                       String ifMatch, String correlationId) {
        long version = commands.send(new RecordClarification(new RegulatoryRequestId(requestId), body.getAnswer(),
                Callers.current(), Versions.fromIfMatch(ifMatch)), null);
        return changed(requestId, version, RegulatoryRequestStatus.RECEIVED);
    }

    @Override
    public ResponseEntity<RegulatoryRequestChange> acceptRegulatoryRequest(String requestId, String ifMatch,
                                                                           String correlationId) {
        long version = commands.send(new AcceptRegulatoryRequest(new RegulatoryRequestId(requestId),
                Callers.current(), Versions.fromIfMatch(ifMatch)), null);
        return changed(requestId, version, RegulatoryRequestStatus.ACCEPTED);
    }

    @Override
    public ResponseEntity<RegulatoryRequestChange> rejectRegulatoryRequest(String requestId, Rejection body,
                                                                           String ifMatch, String correlationId) {
        long version = commands.send(new RejectRegulatoryRequest(new RegulatoryRequestId(requestId), body.getReason(),
                Callers.current(), Versions.fromIfMatch(ifMatch)), body.getReason());
        return changed(requestId, version, RegulatoryRequestStatus.REJECTED);
    }

    @Override
    public ResponseEntity<RegulatoryRequestChange> closeRegulatoryRequest(String requestId, RegulatoryClosure body,
                                                                          String ifMatch, String correlationId) {
        long version = commands.send(new CloseRegulatoryRequest(new RegulatoryRequestId(requestId), body.getNote(),
                Callers.current(), Versions.fromIfMatch(ifMatch)), null);
        return changed(requestId, version, RegulatoryRequestStatus.CLOSED);
    }

    @Override
    public ResponseEntity<RegulatoryRequestChange> prepareDisclosure(String requestId, NewDisclosure body,
                                                                     String ifMatch, String correlationId) {
        List<CaseId> caseIds = body.getCaseIds().stream().map(CaseId::new).toList();
        long version = commands.send(new PrepareDisclosure(new RegulatoryRequestId(requestId),
                new DisclosureId(body.getDisclosureId()), caseIds, fields(body.getFields()), fields(body.getRedacted()),
                subjects.of(caseIds), Callers.current(), Versions.fromIfMatch(ifMatch)), null);
        return changed(requestId, version, RegulatoryRequestStatus.ACCEPTED);
    }

    @Override
    public ResponseEntity<RegulatoryRequestChange> approveDisclosure(String requestId, String disclosureId,
                                                                     String ifMatch, String correlationId) {
        long version = commands.send(new ApproveDisclosure(new RegulatoryRequestId(requestId),
                new DisclosureId(disclosureId), Callers.current(), Versions.fromIfMatch(ifMatch)), null);
        return changed(requestId, version, RegulatoryRequestStatus.ACCEPTED);
    }

    @Override
    public ResponseEntity<Disclosure> getDisclosure(String requestId, String disclosureId) {
        RegulatoryRequestId id = new RegulatoryRequestId(requestId);
        if (requests.find(id).isEmpty()) {
            throw new RegulatoryRequestNotFound(requestId);
        }
        return ResponseEntity.ok(disclosures.find(id, new DisclosureId(disclosureId))
                .orElseThrow(() -> new DisclosureNotFound(new DisclosureId(disclosureId))));
    }

    private static Set<DisclosableField> fields(Set<casebook.cases.web.model.DisclosableField> fields) {
        return fields == null ? Set.of() : fields.stream().map(f -> DisclosableField.valueOf(f.getValue()))
                .collect(Collectors.toSet());
    }

    /** No such package of the request: 404, with its own code. */
    @ExceptionHandler(DisclosureNotFound.class)
    ProblemDetail disclosureNotFound(DisclosureNotFound e) {
        return Problems.problem(HttpStatus.NOT_FOUND, DisclosureNotFound.CODE, "no such disclosure package");
    }

    /** Unknown, or hidden from the caller: the same 404 (the advice's answer names cases). */
    @ExceptionHandler({RegulatoryRequestNotFound.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "no such regulatory request");
    }

    private static ResponseEntity<RegulatoryRequestChange> changed(String requestId, long version,
                                                                   RegulatoryRequestStatus status) {
        return ResponseEntity.ok().eTag(Versions.eTag(version))
                .body(new RegulatoryRequestChange().requestId(requestId).version(version).status(status));
    }

    private static ReceiveRegulatoryRequest toCommand(RegulatoryRequestId id, NewRegulatoryRequest body) {
        List<SubjectRef> subjects = body.getScope().getSubjects() == null ? List.of() : body.getScope().getSubjects()
                .stream().map(s -> new SubjectRef(SubjectKind.valueOf(s.getKind().getValue()), s.getId())).toList();
        List<CaseId> caseIds = body.getScope().getCaseIds() == null ? List.of()
                : body.getScope().getCaseIds().stream().map(CaseId::new).toList();
        List<DocumentRef> documents = body.getDocuments() == null ? List.of() : body.getDocuments().stream()
                .map(d -> new DocumentRef(d.getReference(), d.getSha256())).toList();
        return new ReceiveRegulatoryRequest(id, new Authority(body.getAuthority().getName(),
                body.getAuthority().getJurisdiction()), body.getLegalBasis(), RequestKind.valueOf(body.getKind().getValue()),
                body.getReference(), body.getReceivedAt().toInstant(), body.getDueAt().toInstant(),
                new RequestScope(subjects, caseIds), documents, Callers.current());
    }
}
