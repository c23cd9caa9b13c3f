package dev.weft.domain.graph;

import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemoteActorFollowRejectedEvent(String followingId, String accountId, Instant rejectedAt, RemoteActor actor) implements AccountEvent {
}
