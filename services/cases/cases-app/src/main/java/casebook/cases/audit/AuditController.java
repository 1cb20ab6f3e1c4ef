package casebook.cases.audit;

import casebook.audit.tlog.CaseBundle;
import casebook.cases.api.CaseId;
import casebook.cases.api.Region;
import casebook.cases.domain.CaseNotFound;
import casebook.cases.domain.RiskCase;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.infrastructure.web.Problems;
import casebook.cases.web.api.AuditApi;
import casebook.cases.web.model.CaseExport;
import casebook.cases.web.model.CaseReads;
import casebook.cases.web.model.CaseReadsItemsInner;
import casebook.cases.web.model.ConsistencyProof;
import casebook.cases.web.model.ExportedEvent;
import casebook.cases.web.model.ExportedHead;
import casebook.cases.web.model.AuditLogVerification;
import casebook.cases.web.model.AuditLogVerificationProblemsInner;
import casebook.cases.web.model.StoredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The audit log's REST face (docs/adr/0023): a case's export with its proofs (auditors and legal, region-scoped like
 * every case read), checkpoints, consistency proofs, the verifier key and the stored log's verification.
 */
@RestController
class AuditController implements AuditApi {
    private final AuditLog auditLog;
    private final LogVerification verification;
    private final CheckpointPublisher publisher;
    private final ObjectMapper json;
    private final casebook.cases.audit.CaseReads reads;

    AuditController(AuditLog auditLog, LogVerification verification, CheckpointPublisher publisher,
                    ObjectMapper json, casebook.cases.audit.CaseReads reads) {
        this.reads = reads;
        this.auditLog = auditLog;
        this.verification = verification;
        this.publisher = publisher;
        this.json = json;
    }

    @Override
    public ResponseEntity<CaseExport> exportCase(UUID caseId, String xReadReason) {
        CaseId id = new CaseId(caseId);
        AuditLog.Bundle exported = auditLog.bundle(id.toString()).orElseThrow(() -> new CaseNotFound(id));
        CaseBundle bundle = exported.bundle();
        Region region = bundle.events().isEmpty() ? null : regionOf(bundle);
        if (region == null || !Callers.current().sees(region)) {
            throw new CaseNotFound(id);
        }
        reads.record(Callers.current(), id, region, "exportCase", null, xReadReason);
        CaseBundle.Head head = bundle.head();
        return ResponseEntity.ok(new CaseExport()
                .format(bundle.format())
                .streamId(bundle.streamId())
                .events(bundle.events().stream().map(AuditController::exported).toList())
                .head(new ExportedHead().length(head.length()).lastHash(head.lastHash()).index(head.index())
                        .inclusionProof(head.inclusionProof()))
                .signedCheckpoint(bundle.signedCheckpoint())
                .verifierKey(bundle.verifierKey())
                .unsealedEvents(exported.unsealedEvents()));
    }

    @Override
    public ResponseEntity<CaseReads> searchCaseReads(UUID caseId, String reader, Integer page, Integer size) {
        return ResponseEntity.ok(new CaseReads().items(reads.find(Callers.current().scope(), caseId, reader,
                page == null ? 0 : page, size == null ? 50 : size).stream().map(r -> new CaseReadsItemsInner()
                .caseId(r.caseId()).reader(r.reader()).roles(r.roles()).operation(r.operation())
                .asOf(r.asOf() == null ? null : r.asOf().atOffset(ZoneOffset.UTC)).reason(r.reason())
                .readAt(r.readAt().atOffset(ZoneOffset.UTC))).toList()));
    }

    @Override
    public ResponseEntity<String> issueCheckpoint() {
        AuditLog.Issued checkpoint = auditLog.checkpoint();
        publisher.publish(checkpoint);
        return ResponseEntity.status(HttpStatus.CREATED).body(checkpoint.signedNote());
    }

    @Override
    public ResponseEntity<String> getLatestCheckpoint() {
        return auditLog.latestCheckpoint().map(c -> ResponseEntity.ok(c.signedNote()))
                .orElseThrow(NoCheckpointYet::new);
    }

    @Override
    public ResponseEntity<ConsistencyProof> getConsistencyProof(Long first, Long second) {
        try {
            return ResponseEntity.ok(new ConsistencyProof().first(first).second(second)
                    .proof(auditLog.consistencyProof(first, second)));
        } catch (IllegalArgumentException e) {
            throw new InvalidSizes(e.getMessage());
        }
    }

    @Override
    public ResponseEntity<String> getVerifierKey() {
        return ResponseEntity.ok(auditLog.verifierKey());
    }

    @Override
    public ResponseEntity<AuditLogVerification> verifyAuditLog() {
        LogVerification.Result result = verification.verify();
        return ResponseEntity.ok(new AuditLogVerification()
                .verified(result.verified())
                .events(result.events())
                .checkpointSize(result.checkpointSize())
                .problems(result.problems().stream().map(p -> new AuditLogVerificationProblemsInner()
                        .streamId(p.streamId()).sequenceNumber(p.sequenceNumber())
                        .eventIdentifier(p.eventIdentifier()).problem(p.problem())).toList()));
    }

    private static ExportedEvent exported(CaseBundle.Entry entry) {
        casebook.audit.tlog.StoredEvent e = entry.event();
        return new ExportedEvent()
                .event(new StoredEvent().streamId(e.streamId()).sequenceNumber(e.sequenceNumber())
                        .eventIdentifier(e.eventIdentifier()).aggregateType(e.aggregateType())
                        .payloadType(e.payloadType()).payloadRevision(e.payloadRevision()).timeStamp(e.timeStamp())
                        .metaData(e.metaData()).payload(e.payload()))
                .leafIndex(entry.leafIndex())
                .inclusionProof(entry.inclusionProof());
    }

    /** The region a case's events are stamped with (first event's metadata), as every case read checks it. */
    private Region regionOf(CaseBundle bundle) {
        try {
            JsonNode meta = json.readTree(bundle.events().get(0).event().metaData());
            return new Region(meta.path(RiskCase.REGION).asText());
        } catch (IOException | IllegalArgumentException e) {
            throw new CaseNotFound(new CaseId(UUID.fromString(bundle.streamId())));
        }
    }

    static final class NoCheckpointYet extends RuntimeException {
    }

    @ExceptionHandler(NoCheckpointYet.class)
    ProblemDetail noCheckpoint() {
        return Problems.problem(HttpStatus.NOT_FOUND, "no-checkpoint", "the log has issued no checkpoint yet");
    }

    static final class InvalidSizes extends RuntimeException {
        InvalidSizes(String message) {
            super(message);
        }
    }

    @ExceptionHandler(InvalidSizes.class)
    ProblemDetail badSizes(InvalidSizes e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "invalid-sizes", e.getMessage());
    }
}
