package dev.weft.application.graph;

import java.time.Instant;

public record FollowingView(long position, String actorId, String host, String state, Instant requestedAt,
                            Instant acceptedAt) {
}
