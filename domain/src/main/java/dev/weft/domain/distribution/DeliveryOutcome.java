package dev.weft.domain.distribution;

public enum DeliveryOutcome {
    DELIVERED,
    /** Failed this time; nextAttemptAt says when the next try is due. */
    RETRY_SCHEDULED,
    /** The destination refused for good, or retries ran out. */
    FAILED
}
