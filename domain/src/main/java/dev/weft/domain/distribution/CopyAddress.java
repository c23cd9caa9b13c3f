package dev.weft.domain.distribution;

/**
 * What a copy is, for a command that may be the first event of the copy's own stream: a
 * copy scheduled in a batch (PostDistribution) has no stream until it is asked to delete.
 */
public record CopyAddress(String postId, String accountId, Destination destination) {
}
