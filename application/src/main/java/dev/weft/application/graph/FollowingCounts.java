package dev.weft.application.graph;

/** How many remote actors an account follows, for the size of its following collection. */
public interface FollowingCounts {
    long acceptedFollowingCount(String accountId);
}
