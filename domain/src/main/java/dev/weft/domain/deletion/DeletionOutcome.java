package dev.weft.domain.deletion;

public enum DeletionOutcome {
    DELIVERED,
    /** This attempt failed; more may follow. */
    FAILED,
    /** Weft has stopped trying. */
    ABANDONED;

    public boolean isFinal() {
        return this != FAILED;
    }
}
