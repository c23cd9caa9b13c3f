package dev.weft.domain.graph;

import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemoteActorUnblockedEvent(String accountId, Instant unblockedAt, RemoteActor actor)
        implements AccountEvent {
}
