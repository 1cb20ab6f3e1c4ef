package casebook.cases.infrastructure.web;

import casebook.cases.domain.ActionNotPermitted;
import casebook.cases.domain.CaseNotFound;
import casebook.cases.domain.CaseRuleBroken;
import casebook.cases.domain.RegionNotFound;
import casebook.cases.domain.hold.SubjectUnderLegalHold;
import casebook.cases.infrastructure.kafka.Failures;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Comparator;
import java.util.List;

/**
 * Maps every refusal to RFC 7807 problem details: 400 with field errors for bad input, 403 for a missing
 * role or region, 404 for unknown or out-of-region cases (identical), 409 for a stale version or a
 * concurrent change (with the current version), 422 for a broken business rule.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /**
     * The firewall checks a header when it is first read, which for an optional header is in the controller: what it
     * refuses is bad input (400), as when it refuses before the chain ({@code SecurityConfiguration#rejectedRequests}).
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request",
                Problems.REJECTED_REQUEST);
    }

    @ExceptionHandler(CaseNotFound.class)
    ProblemDetail notFound(CaseNotFound e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "no such case");
    }

    @ExceptionHandler(RegionNotFound.class)
    ProblemDetail notFound(RegionNotFound e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "no such region");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "no such case");
    }

    @ExceptionHandler(ActionNotPermitted.class)
    ProblemDetail forbidden(ActionNotPermitted e) {
        return Problems.problem(HttpStatus.FORBIDDEN, e.code(), e.getMessage());
    }

    @ExceptionHandler(CaseRuleBroken.class)
    ProblemDetail ruleBroken(CaseRuleBroken e) {
        return Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.getMessage());
    }

    /** An erasure refused by legal holds (invariant 8): the problem names each hold, case and request. */
    @ExceptionHandler(SubjectUnderLegalHold.class)
    ProblemDetail underLegalHold(SubjectUnderLegalHold e) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.getMessage());
        problem.setProperty("holds", e.holds().stream().map(h -> java.util.Map.of("caseId", h.caseId().toString(),
                "requestId", h.requestId().value())).toList());
        return problem;
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "stale-version",
                "the case changed since version " + e.getExpectedVersion() + "; reload it and try again");
        problem.setProperty("currentVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return Problems.problem(HttpStatus.CONFLICT, "concurrent-change",
                "the case was changed at the same time by someone else; reload it and try again");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.invalid(List.of(new FieldErrors.FieldError(e.getName(), "is not a valid value")));
    }

    /** Constraints on query parameters and headers (the generated interfaces are {@code @Validated}). */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidParameter(ConstraintViolationException e) {
        return Problems.invalid(e.getConstraintViolations().stream()
                .map(v -> new FieldErrors.FieldError(parameterName(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldErrors.FieldError::field))
                .toList());
    }

    private static String parameterName(Path path) {
        String name = path.toString();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) name = node.getName();
        }
        return name;
    }

    /**
     * What no other handler maps. A server Casebook depends on that is down, restarting or overloaded (the one rule of
     * {@link Failures}, ADR 12) answers 503 {@code unavailable} with {@code Retry-After}: nothing was acknowledged,
     * the same request may simply be sent again. Anything else is a 500 problem, logged with its stack trace.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        if (Failures.isInfrastructure(e)) {
            log.warn("a server Casebook depends on is unavailable: {}", Failures.describe(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                            "a server Casebook depends on is unavailable; nothing was changed, try again shortly"));
        }
        log.error("request failed", e);
        return ResponseEntity.internalServerError().body(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "the request failed unexpectedly; it has been logged"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return Problems.invalid(List.of(new FieldErrors.FieldError("(request)", e.getMessage())));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldErrors.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldErrors.FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldErrors.FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldErrors.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldErrors.FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(
                new FieldErrors.FieldError(e.getParameterName(), "is required"))));
    }

    /**
     * Every other refusal Spring MVC answers by itself (method not allowed, unsupported media type, ...) is a problem
     * with a {@code code} and {@code type} too, as clients rely on: the status's reason phrase in kebab case.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey("code")) && status instanceof HttpStatus known) {
            String code = known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            problem.setType(java.net.URI.create("/problems/" + code));
            problem.setProperty("code", code);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestBodyLimit.isCause(e)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.problem(
                    HttpStatus.PAYLOAD_TOO_LARGE, RequestBodyLimit.CODE, e.getMostSpecificCause().getMessage()));
        }
        FieldErrors.FieldError error = e.getCause() instanceof JsonMappingException mapping
                ? FieldErrors.of(mapping)
                : new FieldErrors.FieldError("(body)", "is not readable JSON");
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(error)));
    }
}
