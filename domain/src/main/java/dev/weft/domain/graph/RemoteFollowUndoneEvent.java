package dev.weft.domain.graph;

import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemoteFollowUndoneEvent(String followId, String accountId, Instant undoneAt, RemoteActor actor) implements AccountEvent {
}
