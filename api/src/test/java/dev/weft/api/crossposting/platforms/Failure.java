package dev.weft.api.crossposting.platforms;

import java.time.Duration;

/**
 * A failure a test asks a fake to answer with instead of doing the request, each fake
 * wording it in its platform's own error shape. Nothing is done: the request is refused
 * before it reaches the platform's state.
 */
public sealed interface Failure {

    /** HTTP 500. */
    record ServerError() implements Failure {
    }

    /**
     * HTTP 429 with Retry-After in whole seconds, plus the platform's own rate-limit headers
     * where it sends them (Mastodon's X-RateLimit-*, Bluesky's RateLimit-*).
     */
    record RateLimited(Duration retryAfter) implements Failure {
        /** Retry-After takes whole seconds; rounding up never invites a client back too early. */
        public long retryAfterSeconds() {
            return (retryAfter.toMillis() + 999) / 1000;
        }
    }

    public static Failure serverError() {
        return new ServerError();
    }

    public static Failure rateLimited(Duration retryAfter) {
        return new RateLimited(retryAfter);
    }
}
