package dev.weft.domain.posts;

public enum PostDeletionReason {
    AUTHOR_REQUEST, ACCOUNT_DELETED
}
