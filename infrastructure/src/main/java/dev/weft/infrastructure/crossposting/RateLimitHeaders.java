package dev.weft.infrastructure.crossposting;

import dev.weft.application.shared.RetrySchedule;
import dev.weft.infrastructure.http.HttpReply;
import java.time.Instant;
import java.util.Optional;

/** When a platform says it will take requests again, in each of the ways platforms say it. */
public final class RateLimitHeaders {
    private static final int MAX_EPOCH_DIGITS = 12;

    private RateLimitHeaders() {
    }

    /** Retry-After, as delta-seconds or an HTTP-date. */
    public static Optional<Instant> retryAfter(HttpReply reply, Instant now) {
        return RetrySchedule.retryAfter(reply.header("retry-after"), now);
    }

    /** Mastodon's X-RateLimit-Reset: an ISO 8601 timestamp. */
    public static Optional<Instant> isoReset(HttpReply reply) {
        return Timestamps.parse(reply.header("x-ratelimit-reset"));
    }

    /** atproto's RateLimit-Reset: seconds since the epoch. */
    public static Optional<Instant> epochSecondsReset(HttpReply reply) {
        String value = reply.header("ratelimit-reset");
        if (value == null || !value.strip().matches("\\d{1," + MAX_EPOCH_DIGITS + "}")) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
    }
}
