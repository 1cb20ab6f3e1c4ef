package casebook.cases.flag;

import casebook.cases.api.FlagReceipt;
import casebook.cases.api.RaiseFlags;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.web.api.FlagsApi;
import casebook.cases.web.model.Flag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/flags}: 202 once the flag is durable, 200 with the same body for a repeated flag id. */
@RestController
class FlagController implements FlagsApi {
    private final FlagSubmissions submissions;

    FlagController(FlagSubmissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public ResponseEntity<casebook.cases.web.model.FlagReceipt> raiseFlag(Flag body, String correlationId) {
        FlagReceipt receipt = submissions.raise(RaiseFlags.one(FlagRequests.toFlag(body), Callers.current())).get(0);
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(new casebook.cases.web.model.FlagReceipt()
                        .flagId(receipt.flagId().value())
                        .caseId(receipt.caseId().value()));
    }
}
