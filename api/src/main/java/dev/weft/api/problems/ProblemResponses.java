package dev.weft.api.problems;

import dev.weft.api.federation.inbox.BodyTooLargeException;
import dev.weft.api.limits.RateLimitedException;
import dev.weft.api.security.ForbiddenException;
import dev.weft.application.federation.inbox.SignatureRejectedException;
import dev.weft.api.security.UnauthenticatedException;
import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.DomainRuleException;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotEligibleException;
import dev.weft.domain.shared.NotPermittedException;
import dev.weft.domain.shared.UnknownEntityException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import dev.weft.application.crossposting.platforms.PlatformUnreachableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json. {@code field} names what the caller got wrong and
 * {@code errors} lists each field at fault, so a client can point at the input to fix.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String TYPE_BASE = "https://weft.dev/problems/";

    @ExceptionHandler(DomainRuleException.class)
    ResponseEntity<ProblemDetail> domainRule(DomainRuleException e) {
        HttpStatus status = statusOf(e);
        return problem(status, slug(e), e.getMessage(), e.field());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownAggregate(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "nothing exists with id " + e.getAggregateIdentifier(),
                "id");
    }

    @ExceptionHandler(UnauthenticatedException.class)
    ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNAUTHORIZED, "unauthenticated", e.getMessage(),
                "Authorization");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(response.getBody());
    }

    @ExceptionHandler(SignatureRejectedException.class)
    ResponseEntity<ProblemDetail> signatureRejected(SignatureRejectedException e) {
        return problem(HttpStatus.UNAUTHORIZED, "invalid-signature", e.getMessage(), "Signature");
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", e.getMessage(), "body");
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(body(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", e.getMessage() + "; try again in "
                        + e.retryAfterSeconds() + " s", null));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), "Authorization");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-value", e.getName() + " has an invalid value '"
                + e.getValue() + "'", e.getName());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(m -> m.get("field") + " " + m.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail body = body(HttpStatus.BAD_REQUEST, "invalid-value", detail,
                errors.isEmpty() ? null : errors.get(0).get("field"));
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = JsonErrors.fieldOf(e);
        String detail = field == null ? "the request body is not valid JSON for this endpoint"
                : "the request body's field '" + field + "' is malformed: " + JsonErrors.reasonOf(e);
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "malformed-body", detail, field));
    }

    /** The platform, not the caller, is at fault: nothing was stored, and the same request may work later. */
    @ExceptionHandler(PlatformUnreachableException.class)
    ResponseEntity<ProblemDetail> platformUnreachable(PlatformUnreachableException e) {
        return problem(HttpStatus.BAD_GATEWAY, "platform-unreachable", e.getMessage(), null);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        LOG.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "an unexpected error occurred", null);
    }

    private static HttpStatus statusOf(DomainRuleException e) {
        if (e instanceof InvalidValueException) {
            return HttpStatus.BAD_REQUEST;
        } else if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        } else if (e instanceof NotEligibleException) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        } else if (e instanceof GoneException) {
            return HttpStatus.GONE;
        } else if (e instanceof NotPermittedException) {
            return HttpStatus.FORBIDDEN;
        } else if (e instanceof UnknownEntityException) {
            return HttpStatus.NOT_FOUND;
        }
        return HttpStatus.BAD_REQUEST;
    }

    private static String slug(DomainRuleException e) {
        return e.getClass().getSimpleName().replace("Exception", "")
                .replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail, String field) {
        return ResponseEntity.status(status).body(body(status, type, detail, field));
    }

    static ProblemDetail body(HttpStatus status, String type, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        if (field != null) {
            problem.setProperty("field", field);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return problem;
    }
}
