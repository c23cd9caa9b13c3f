package dev.weft.infrastructure.federation.delivery;

import java.time.Instant;

/**
 * What one HTTP attempt means. breakerFailure says whether it counts against the host's
 * circuit: only signs that the server is down or overloaded do, not a refusal of this
 * one activity. retryAfter is the server's own Retry-After, when it gave one.
 */
public record Verdict(Kind kind, Integer httpStatus, String error, boolean breakerFailure, Instant retryAfter) {
    public enum Kind {
        DELIVERED,
        RETRY,
        PERMANENT
    }
}
