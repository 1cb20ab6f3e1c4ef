package casebook.cases.flag;

import casebook.cases.api.FlagReceipt;
import casebook.cases.api.RaiseFlags;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.infrastructure.web.FieldErrors;
import casebook.cases.infrastructure.web.Problems;
import casebook.cases.web.api.FlagsApi;
import casebook.cases.web.model.Flag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code POST /api/v1/flags}: 202 once the flag is durable, 200 with the same body for a repeated flag id. */
@RestController
class FlagController implements FlagsApi {
    private final FlagSubmissions submissions;

    FlagController(FlagSubmissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public ResponseEntity<casebook.cases.web.model.FlagReceipt> raiseFlag(Flag body, String correlationId) {
        List<FieldErrors.FieldError> refusals = FlagContract.beyondBeanValidation(body);
        if (!refusals.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(refusals), null);
        }
        FlagReceipt receipt = submissions.raise(RaiseFlags.one(FlagRequests.toFlag(body), Callers.current())).get(0);
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(new casebook.cases.web.model.FlagReceipt()
                        .flagId(receipt.flagId().value())
                        .caseId(receipt.caseId().value()));
    }
}
