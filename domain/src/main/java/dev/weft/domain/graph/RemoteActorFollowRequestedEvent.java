package dev.weft.domain.graph;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record RemoteActorFollowRequestedEvent(String followingId, String accountId, Instant requestedAt, FollowerEndpoints target) implements AccountEvent {
}
