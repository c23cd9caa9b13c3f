package dev.weft.domain.distribution;

public enum DeletionReason {
    POST_DELETED, SHARING_TURNED_OFF, ACCOUNT_DELETED, REQUESTED_BY_USER,
    /** The person unlinked the account and asked for the copies there to go too. */
    LINK_REMOVED
}
