package dev.weft.domain.graph;

import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemoteActorBlockedEvent(String accountId, Instant blockedAt, RemoteActor actor) implements AccountEvent {
}
