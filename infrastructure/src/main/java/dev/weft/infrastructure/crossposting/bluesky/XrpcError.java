package dev.weft.infrastructure.crossposting.bluesky;

import dev.weft.infrastructure.crossposting.Json;
import dev.weft.infrastructure.crossposting.PlatformFailure;
import dev.weft.infrastructure.crossposting.RateLimitHeaders;
import dev.weft.infrastructure.http.HttpReply;
import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An XRPC error answer, {"error": name, "message": text}
 * (https://atproto.com/specs/xrpc#error-responses). A 429 waits for RateLimit-Reset, which the
 * reference PDS sets in seconds since the epoch, else for Retry-After.
 */
record XrpcError(int httpStatus, String error, String message) {
    private static final Set<String> CREDENTIALS_REJECTED = Set.of("ExpiredToken", "InvalidToken",
            "AuthenticationRequired");

    static XrpcError of(HttpReply reply) {
        JsonNode body = Json.read(reply);
        return new XrpcError(reply.status(), Json.text(body, "error").orElse(null),
                Json.text(body, "message").orElse(null));
    }

    static PlatformFailure classify(HttpReply reply, Instant now) {
        return of(reply).failure(reply, now);
    }

    boolean is(String name) {
        return name.equals(error);
    }

    boolean rejectsCredentials() {
        return httpStatus == 401 || CREDENTIALS_REJECTED.contains(error);
    }

    /** Older PDSes said InvalidRequest "Could not locate record" before RecordNotFound was named. */
    boolean meansRecordNotFound() {
        return is("RecordNotFound") || httpStatus == 404
                || (is("InvalidRequest") && message != null && message.startsWith("Could not locate record"));
    }

    String reason() {
        return PlatformFailure.reason(httpStatus, words());
    }

    private String words() {
        if (error == null || message == null) {
            return error != null ? error : message;
        }
        return error + ": " + message;
    }

    private PlatformFailure failure(HttpReply reply, Instant now) {
        if (rejectsCredentials()) {
            return PlatformFailure.unauthorized(reason(), httpStatus);
        }
        if (meansRecordNotFound()) {
            return PlatformFailure.gone(reason(), httpStatus);
        }
        Instant retryAfter = RateLimitHeaders.retryAfter(reply, now).orElse(null);
        Instant retryAt = httpStatus == 429 ? RateLimitHeaders.epochSecondsReset(reply).orElse(retryAfter) : retryAfter;
        return PlatformFailure.ofStatus(httpStatus, words(), retryAt);
    }
}
