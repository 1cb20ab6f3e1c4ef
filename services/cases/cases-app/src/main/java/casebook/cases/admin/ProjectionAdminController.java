package casebook.cases.admin;

import casebook.cases.web.api.AdminApi;
import casebook.cases.web.model.RebuildStarted;
import casebook.projections.casesearch.CaseSearchRebuild;
import casebook.projections.casesearch.RebuildAlreadyRunning;
import casebook.cases.infrastructure.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneOffset;

/** Operating the read models: rebuild the case search index from the event store (admin only). */
@RestController
class ProjectionAdminController implements AdminApi {
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

    @ExceptionHandler(RebuildAlreadyRunning.class)
    ProblemDetail alreadyRunning(RebuildAlreadyRunning e) {
        return Problems.problem(HttpStatus.CONFLICT, "rebuild-running", "a rebuild of case-search is already running");
    }
}
