package dev.weft.domain.graph;

import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemoteActorUnfollowedEvent(String followingId, String accountId, Instant unfollowedAt, RemoteActor actor) implements AccountEvent {
}
