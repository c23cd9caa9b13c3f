package dev.weft.domain.graph;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record RemoteFollowRequestedEvent(String followId, String accountId, @PersonalData(subject = "follower.actor.actorId") String activityId, Instant requestedAt, FollowerEndpoints follower) implements AccountEvent {
}
