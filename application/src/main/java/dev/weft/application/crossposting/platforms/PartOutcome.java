package dev.weft.application.crossposting.platforms;

import java.time.Instant;

/** What became of one attempt to publish a part. */
public sealed interface PartOutcome {

    /** The platform confirmed the part. */
    record Published(RemotePart part) implements PartOutcome {
    }

    /**
     * Not now: a 5xx, a refused connection (failure = true, which counts towards the retry
     * window), or a rate limit, a quota or a container still being processed (failure =
     * false: waiting is not failing). notBefore is the earliest the platform allows, or null.
     */
    record Retry(String reason, Integer httpStatus, Instant notBefore, boolean failure) implements PartOutcome {
    }

    /** The request went out and no answer came: it may have been published. Reconcile first. */
    record Unknown(String reason) implements PartOutcome {
    }

    /** The token is expired or revoked: the person must link the account again. */
    record Unauthorized(String reason, Integer httpStatus) implements PartOutcome {
    }

    /** The platform refused the post for good; reason is the platform's own message. */
    record Refused(String reason, Integer httpStatus) implements PartOutcome {
    }
}
