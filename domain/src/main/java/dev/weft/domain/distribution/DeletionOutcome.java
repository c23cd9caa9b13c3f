package dev.weft.domain.distribution;

public enum DeletionOutcome {
    DELIVERED,
    /** This attempt failed; more may follow. */
    FAILED,
    /** Weft has stopped trying. */
    ABANDONED,
    /** The destination answered that it no longer has the copy (a 404, or the platform's equivalent). */
    ALREADY_GONE;

    public boolean isFinal() {
        return this != FAILED;
    }
}
