package dev.weft.domain.remoteposts;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemotePostUpdatedEvent(String remotePostId, Instant updatedAt, RemoteActor author, @PersonalData(subject = "author.actorId") RemotePostContent content) {
}
