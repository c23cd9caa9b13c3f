package dev.weft.infrastructure.crossposting;

import dev.weft.application.crossposting.platforms.CredentialRefresh;
import dev.weft.application.crossposting.platforms.PartOutcome;
import dev.weft.application.crossposting.platforms.RemovalOutcome;
import java.time.Instant;

/**
 * What one request to a platform came to when it did not succeed, before it is told as the
 * port's outcome of a publish, a delete or a token refresh: one classification per platform
 * answers all three. countsAsFailure is Retry's failure flag (a rate limit is waiting, not
 * failing).
 */
public record PlatformFailure(Kind kind, String reason, Integer httpStatus, Instant notBefore,
                              boolean countsAsFailure) {

    public enum Kind { RETRY, UNKNOWN, UNAUTHORIZED, REFUSED, GONE }

    public static PlatformFailure retry(String reason, Integer httpStatus, Instant notBefore) {
        return new PlatformFailure(Kind.RETRY, reason, httpStatus, notBefore, true);
    }

    public static PlatformFailure waiting(String reason, Integer httpStatus, Instant notBefore) {
        return new PlatformFailure(Kind.RETRY, reason, httpStatus, notBefore, false);
    }

    public static PlatformFailure unknown(String reason) {
        return new PlatformFailure(Kind.UNKNOWN, reason, null, null, true);
    }

    public static PlatformFailure unauthorized(String reason, Integer httpStatus) {
        return new PlatformFailure(Kind.UNAUTHORIZED, reason, httpStatus, null, false);
    }

    public static PlatformFailure refused(String reason, Integer httpStatus) {
        return new PlatformFailure(Kind.REFUSED, reason, httpStatus, null, false);
    }

    public static PlatformFailure gone(String reason, Integer httpStatus) {
        return new PlatformFailure(Kind.GONE, reason, httpStatus, null, false);
    }

    /**
     * For platforms whose status codes say it all: 401 is a dead token, 429 a rate limit,
     * 408 and 5xx a server that may do better later, and any other status a refusal.
     */
    public static PlatformFailure ofStatus(int status, String platformWords, Instant retryAt) {
        String reason = reason(status, platformWords);
        if (status == 401) {
            return unauthorized(reason, status);
        }
        if (status == 429) {
            return waiting(reason, status, retryAt);
        }
        if (status == 408 || status >= 500) {
            return retry(reason, status, retryAt);
        }
        return refused(reason, status);
    }

    /** An answer as Weft reports it: its status, then the platform's own words when it gave any. */
    public static String reason(int status, String platformWords) {
        return platformWords == null || platformWords.isBlank() ? "HTTP " + status
                : "HTTP " + status + ": " + platformWords.strip();
    }

    /** Publishing against something gone (a deleted parent) cannot succeed later: refused. */
    public PartOutcome asPartOutcome() {
        return switch (kind) {
            case RETRY -> new PartOutcome.Retry(reason, httpStatus, notBefore, countsAsFailure);
            case UNKNOWN -> new PartOutcome.Unknown(reason);
            case UNAUTHORIZED -> new PartOutcome.Unauthorized(reason, httpStatus);
            case REFUSED, GONE -> new PartOutcome.Refused(reason, httpStatus);
        };
    }

    /** Deleting twice is harmless, so a delete left unanswered is simply tried again. */
    public RemovalOutcome asRemovalOutcome() {
        return switch (kind) {
            case RETRY -> new RemovalOutcome.Retry(reason, httpStatus, notBefore, countsAsFailure);
            case UNKNOWN -> new RemovalOutcome.Retry(reason, httpStatus, null, true);
            case UNAUTHORIZED -> new RemovalOutcome.Unauthorized(reason, httpStatus);
            case REFUSED -> new RemovalOutcome.Refused(reason, httpStatus);
            case GONE -> new RemovalOutcome.AlreadyGone(reason);
        };
    }

    public CredentialRefresh asCredentialRefresh() {
        return kind == Kind.UNAUTHORIZED ? new CredentialRefresh.Unauthorized(reason)
                : new CredentialRefresh.Failed(reason);
    }
}
