package dev.weft.infrastructure.crossposting;

import dev.weft.infrastructure.http.HttpReply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An error from Meta's Graph API, which Threads and Facebook share:
 * {"error":{"message","type","code","error_subcode","fbtrace_id"}}, classified as
 * https://developers.facebook.com/docs/graph-api/guides/error-handling maps codes to recovery.
 * Throttling waits for Retry-After, else for estimated_time_to_regain_access (minutes) in the
 * usage headers (https://developers.facebook.com/docs/graph-api/overview/rate-limiting),
 * else a few minutes. 368 (blocked for a policy) and 506 (duplicate post) are refusals: trying
 * the same post again would only meet them again.
 */
public record GraphError(int httpStatus, String message, int code, int subcode) {
    static final Set<Integer> THROTTLING = Set.of(4, 17, 32, 613);
    static final Set<Integer> REFUSING = Set.of(368, 506);
    static final Set<Integer> TEMPORARY = Set.of(1, 2);
    static final int TOKEN_INVALID = 190;
    static final Duration THROTTLE_WAIT_UNSAID = Duration.ofMinutes(5);
    private static final List<String> USAGE_HEADERS = List.of("x-business-use-case-usage", "x-app-usage");

    private static GraphError of(HttpReply reply) {
        JsonNode error = Json.read(reply).path("error");
        return new GraphError(reply.status(), Json.text(error, "message").orElse(null),
                (int) Json.number(error, "code").orElse(0), (int) Json.number(error, "error_subcode").orElse(0));
    }

    public static PlatformFailure classify(HttpReply reply, Instant now) {
        return of(reply).failure(reply, now);
    }

    private boolean rejectsToken() {
        return code == TOKEN_INVALID || httpStatus == 401;
    }

    /** "Object with ID ... does not exist" comes as code 100 subcode 33, or as code 33. */
    private boolean meansObjectGone() {
        return (code == 100 && subcode == 33) || code == 33;
    }

    /**
     * The Graph code says more than the HTTP status and is what Meta's documentation is indexed
     * by, so it is named unless Meta's own words name it already ("(#368) ...").
     */
    private String reason() {
        String words = message == null || message.isBlank() ? null : message.strip();
        boolean named = words != null && words.startsWith("(#" + code + ")");
        return PlatformFailure.reason(httpStatus, code == 0 || named ? words
                : "(#" + code + ") " + (words == null ? "Graph error" : words));
    }

    private PlatformFailure failure(HttpReply reply, Instant now) {
        if (rejectsToken()) {
            return PlatformFailure.unauthorized(reason(), httpStatus);
        }
        if (THROTTLING.contains(code) || httpStatus == 429) {
            return PlatformFailure.waiting(reason(), httpStatus, throttledUntil(reply, now));
        }
        if (REFUSING.contains(code)) {
            return PlatformFailure.refused(reason(), httpStatus);
        }
        if (meansObjectGone()) {
            return PlatformFailure.gone(reason(), httpStatus);
        }
        if (TEMPORARY.contains(code) || httpStatus >= 500) {
            return PlatformFailure.retry(reason(), httpStatus, RateLimitHeaders.retryAfter(reply, now).orElse(null));
        }
        return PlatformFailure.refused(reason(), httpStatus);
    }

    private static Instant throttledUntil(HttpReply reply, Instant now) {
        return RateLimitHeaders.retryAfter(reply, now)
                .or(() -> regainedAccess(reply, now))
                .orElse(now.plus(THROTTLE_WAIT_UNSAID));
    }

    /** The usage headers hold JSON, per app or per business object; the longest wait named wins. */
    private static Optional<Instant> regainedAccess(HttpReply reply, Instant now) {
        return USAGE_HEADERS.stream()
                .map(header -> Json.read(reply.header(header)))
                .flatMap(usage -> usage.findValues("estimated_time_to_regain_access").stream())
                .filter(JsonNode::isNumber)
                .map(JsonNode::asLong)
                .filter(minutes -> minutes > 0)
                .max(Long::compare)
                .map(minutes -> now.plus(Duration.ofMinutes(minutes)));
    }
}
