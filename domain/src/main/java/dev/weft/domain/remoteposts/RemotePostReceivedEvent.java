package dev.weft.domain.remoteposts;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemotePostReceivedEvent(String remotePostId, @PersonalData(subject = "author.actorId") String objectId, Instant publishedAt, Instant receivedAt, RemoteActor author, @PersonalData(subject = "author.actorId") RemotePostContent content) {
}
