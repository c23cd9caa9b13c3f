package dev.weft.application.graph;

import java.time.Instant;

public record FollowerView(long position, String actorId, String host, String inbox, String sharedInbox,
                           Instant followedAt) {
}
