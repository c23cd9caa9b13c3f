package dev.weft.domain.graph;

import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemoteFollowAcceptedEvent(String followId, String accountId, Instant acceptedAt, RemoteActor actor) implements AccountEvent {
}
