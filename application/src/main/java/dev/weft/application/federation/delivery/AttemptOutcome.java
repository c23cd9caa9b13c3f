package dev.weft.application.federation.delivery;

/** How one attempt ended for the delivery as a whole. */
public enum AttemptOutcome {
    DELIVERED,
    /** This attempt failed; another is scheduled. */
    RETRY_SCHEDULED,
    /** Refused for good, or the retry window ended: no more attempts. */
    FAILED
}
