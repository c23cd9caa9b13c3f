package dev.weft.domain.engagement;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemoteReplyRemovedEvent(String postId, String accountId, @PersonalData(subject = "actor.actorId") String replyId, Instant removedAt, RemoteActor actor) implements AccountEvent {
}
