package dev.weft.application.ledger;

/** What one event says about who holds what; each fact is one event, nothing else. */
public enum LedgerFactKind {
    CONSENT_GIVEN,
    CONSENT_WITHDRAWN,
    POST_PUBLISHED,
    POST_EDITED,
    POST_DELETED,
    COPY_SCHEDULED,
    /** The recipient acknowledged the item: a 2xx to its delivery, a platform's confirmation, or its own act. */
    DISCLOSED,
    /** A later revision (an edit's Update) reached a recipient that held the item. */
    REVISION_DISCLOSED,
    DELIVERY_FAILED,
    DELETION_REQUESTED,
    DELETION_DELIVERED,
    DELETION_FAILED,
    DELETION_ALREADY_GONE,
    DELETION_ABANDONED,
    /** The follower's server acknowledged the Accept of its follow: it holds the profile. */
    PROFILE_DISCLOSED,
    ACCOUNT_DELETED,
    ACCOUNT_ERASED;

    /** A deletion request's outcome in the deletion log's words: delivered, failed, already_gone, abandoned. */
    public boolean isDeletionOutcome() {
        return name().startsWith("DELETION_") && this != DELETION_REQUESTED;
    }

    public String deletionOutcome() {
        if (!isDeletionOutcome()) {
            throw new IllegalStateException(this + " is no deletion outcome");
        }
        return name().substring("DELETION_".length()).toLowerCase(java.util.Locale.ROOT);
    }
}
