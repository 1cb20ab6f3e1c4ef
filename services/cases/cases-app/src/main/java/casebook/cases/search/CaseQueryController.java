package casebook.cases.search;

import casebook.cases.api.CaseId;
import casebook.cases.audit.CaseReads;
import casebook.cases.api.regulatory.RegulatoryRequestId;
import casebook.cases.api.CasePage;
import casebook.cases.api.CaseSearchCriteria;
import casebook.cases.api.CaseView;
import casebook.cases.api.FindCase;
import casebook.cases.api.FindQueue;
import casebook.cases.api.FindRelatedCases;
import casebook.cases.api.RelatedCases;
import casebook.cases.api.FindCases;
import casebook.cases.api.RegionScope;
import casebook.cases.domain.CaseNotFound;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.infrastructure.web.Problems;
import casebook.cases.infrastructure.web.Versions;
import casebook.cases.web.api.CasesApi;
import casebook.cases.web.model.CaseHistory;
import casebook.cases.web.model.CaseSearchResult;
import casebook.cases.web.model.CaseStatus;
import casebook.cases.web.model.EnforcementState;

import casebook.cases.web.model.Priority;
import casebook.cases.web.model.RiskCategory;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reading cases: search and one case from the search read model (one case never older than the version the caller
 * asks for or holds), history from the event store.
 */
@RestController
class CaseQueryController implements CasesApi {
    private final QueryGateway queries;
    private final CaseHistories histories;
    private final CaseReads reads;

    CaseQueryController(QueryGateway queries, CaseHistories histories, CaseReads reads) {
        this.queries = queries;
        this.histories = histories;
        this.reads = reads;
    }

    @Override
    public ResponseEntity<CaseSearchResult> searchCases(String q, String subjectId, String signal, Set<CaseStatus> status,
            Set<RiskCategory> category, Set<Priority> priority, String assignee, OffsetDateTime openedFrom,
            OffsetDateTime openedTo, OffsetDateTime slaDueFrom, OffsetDateTime slaDueTo, EnforcementState enforcement,
            Boolean held, String holdRequestId, Integer page, Integer size) {
        var criteria = new CaseSearchCriteria(q, subjectId, signal,
                map(status, s -> casebook.cases.api.CaseStatus.valueOf(s.name())),
                map(category, c -> casebook.cases.api.RiskCategory.valueOf(c.name())),
                map(priority, p -> casebook.cases.api.Priority.valueOf(p.name())),
                assignee, instant(openedFrom), instant(openedTo), instant(slaDueFrom), instant(slaDueTo),
                enforcement == null ? null : casebook.cases.api.EnforcementState.valueOf(enforcement.name()), held,
                holdRequestId == null ? null : RegulatoryRequestId.of(holdRequestId), page, size);
        CasePage result = queries.query(new FindCases(criteria, scope()), CasePage.class).join();
        return ResponseEntity.ok(CaseViews.toResult(result));
    }

    @Override
    public ResponseEntity<CaseSearchResult> getQueue(Integer page, Integer size) {
        CasePage queue = queries.query(new FindQueue(scope(), page, size), CasePage.class).join();
        return ResponseEntity.ok(CaseViews.toResult(queue));
    }

    /**
     * One case. {@code minVersion} (a version a write answered) and the version in {@code If-None-Match} (the one the
     * caller holds) are floors: below them the read model's missing events come from the event store, so the answer
     * is never older (docs/adr/0025). A {@code minVersion} the case has not reached is a 409; the version held, still
     * current, is a 304, not recorded as a read (what it confirms was recorded when it was sent).
     */
    @Override
    public ResponseEntity<casebook.cases.web.model.Case> getCase(UUID caseId, Long minVersion, String ifNoneMatch) {
        Long held = Versions.fromIfNoneMatch(ifNoneMatch);
        long atLeast = Math.max(minVersion == null ? FindCase.ANY_VERSION : minVersion,
                held == null ? FindCase.ANY_VERSION : held);
        CaseView view = queries.query(new FindCase(new CaseId(caseId), scope(), atLeast),
                ResponseTypes.optionalInstanceOf(CaseView.class)).join()
                .orElseThrow(() -> new CaseNotFound(new CaseId(caseId)));
        if (minVersion != null && view.version() < minVersion) {
            throw new VersionNotReached(minVersion, view.version());
        }
        if (held != null && held == view.version()) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(Versions.eTag(view.version())).build();
        }
        reads.record(Callers.current(), view.caseId(), view.region(), "getCase", null, null);
        return ResponseEntity.ok().eTag(Versions.eTag(view.version())).body(CaseViews.toCase(view));
    }

    /** The case has not reached the version a read asked for, not even in the event store. */
    static final class VersionNotReached extends RuntimeException {
        final long currentVersion;

        VersionNotReached(long asked, long currentVersion) {
            super("the case is at version " + currentVersion + ", not yet at " + asked + "; was that version "
                  + "answered for this case?");
            this.currentVersion = currentVersion;
        }
    }

    @ExceptionHandler(VersionNotReached.class)
    ProblemDetail versionNotReached(VersionNotReached e) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "version-not-reached", e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion);
        return problem;
    }

    @Override
    public ResponseEntity<casebook.cases.web.model.RelatedCases> getRelatedCases(UUID caseId) {
        RelatedCases related = queries.query(new FindRelatedCases(new CaseId(caseId), scope()),
                ResponseTypes.optionalInstanceOf(RelatedCases.class)).join()
                .orElseThrow(() -> new CaseNotFound(new CaseId(caseId)));
        return ResponseEntity.ok(CaseViews.toRelated(related));
    }

    @Override
    public ResponseEntity<CaseHistory> getCaseHistory(UUID caseId, String xReadReason, OffsetDateTime asOf) {
        Instant at = asOf == null ? null : asOf.toInstant();
        CaseHistories.Read read = histories.of(new CaseId(caseId), scope(), at);
        reads.record(Callers.current(), new CaseId(caseId), read.region(), "getCaseHistory", at, xReadReason);
        return ResponseEntity.ok(read.history());
    }

    private static RegionScope scope() {
        return Callers.current().scope();
    }

    private static <A, B> Set<B> map(Set<A> values, Function<A, B> mapping) {
        return values == null ? Set.of() : values.stream().map(mapping).collect(Collectors.toSet());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
