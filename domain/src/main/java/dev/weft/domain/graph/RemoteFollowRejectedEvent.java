package dev.weft.domain.graph;

import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemoteFollowRejectedEvent(String followId, String accountId, String reason, Instant rejectedAt, RemoteActor actor) implements AccountEvent {
}
