package dev.weft.domain.engagement;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemoteLikeRecordedEvent(String postId, String accountId, @PersonalData(subject = "actor.actorId") String activityId, Instant likedAt, RemoteActor actor) implements AccountEvent {
}
