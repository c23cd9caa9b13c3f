package dev.weft.domain.deletion;

public enum DeletionReason {
    POST_DELETED, SHARING_TURNED_OFF, ACCOUNT_DELETED, REQUESTED_BY_USER
}
