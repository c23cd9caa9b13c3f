package dev.weft.application.crossposting.platforms;

import java.time.Instant;

/** What became of one request to delete a published part. */
public sealed interface RemovalOutcome {

    record Removed() implements RemovalOutcome {
    }

    /** The platform no longer has it (404, or its equivalent). */
    record AlreadyGone(String reason) implements RemovalOutcome {
    }

    /** See {@link PartOutcome.Retry}. A timed-out delete is simply tried again: deleting twice is harmless. */
    record Retry(String reason, Integer httpStatus, Instant notBefore, boolean failure) implements RemovalOutcome {
    }

    record Unauthorized(String reason, Integer httpStatus) implements RemovalOutcome {
    }

    record Refused(String reason, Integer httpStatus) implements RemovalOutcome {
    }
}
