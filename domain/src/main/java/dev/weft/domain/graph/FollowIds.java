package dev.weft.domain.graph;

import dev.weft.domain.shared.DerivedIds;

/** One follow aggregate per (account, remote actor) pair keeps a million followers out of any single stream. */
public final class FollowIds {
    private FollowIds() {
    }

    public static String incoming(String accountId, String actorId) {
        return DerivedIds.of("incoming-follow", accountId, actorId);
    }

    public static String outgoing(String accountId, String actorId) {
        return DerivedIds.of("outgoing-follow", accountId, actorId);
    }
}
