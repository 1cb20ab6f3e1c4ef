package casebook.cases.admin;

import casebook.cases.web.api.AdminApi;
import casebook.cases.web.model.RebuildStarted;
import casebook.cases.web.model.RebuildStatus;
import casebook.projections.casesearch.RebuildProgress;
import casebook.projections.casesearch.CaseSearchRebuild;
import casebook.projections.casesearch.RebuildAlreadyRunning;
import casebook.cases.infrastructure.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Operating the read models: rebuild the case search index from the event store and follow its progress (admin only). */
@RestController
class ProjectionAdminController implements AdminApi {
    /** The spec's limit on {@code failure}: a longer reason is cut. */
    private static final int MAX_FAILURE = 2_000;
    private final CaseSearchRebuild rebuild;

    ProjectionAdminController(CaseSearchRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public ResponseEntity<RebuildStarted> rebuildCaseSearch(String correlationId) {
        var started = rebuild.start();
        return ResponseEntity.accepted().body(new RebuildStarted()
                .projection(started.projection())
                .targetIndex(started.targetIndex())
                .startedAt(started.startedAt().atOffset(ZoneOffset.UTC)));
    }

    @Override
    public ResponseEntity<RebuildStatus> getCaseSearchRebuild() {
        RebuildProgress progress = rebuild.progress();
        String failure = progress.failure();
        return ResponseEntity.ok(new RebuildStatus()
                .projection(rebuild.projection())
                .state(RebuildStatus.StateEnum.fromValue(progress.state().name()))
                .targetIndex(progress.targetIndex())
                .startedAt(time(progress.startedAt()))
                .finishedAt(time(progress.finishedAt()))
                .eventsApplied(progress.eventsApplied())
                .position(progress.position())
                .headPosition(progress.headPosition())
                .failure(failure == null || failure.length() <= MAX_FAILURE ? failure
                        : failure.substring(0, MAX_FAILURE - 1) + "…"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @ExceptionHandler(RebuildAlreadyRunning.class)
    ProblemDetail alreadyRunning(RebuildAlreadyRunning e) {
        return Problems.problem(HttpStatus.CONFLICT, "rebuild-running", "a rebuild of case-search is already running");
    }
}
