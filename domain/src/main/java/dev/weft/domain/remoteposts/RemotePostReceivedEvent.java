package dev.weft.domain.remoteposts;

import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemotePostReceivedEvent(String remotePostId, String objectId, Instant publishedAt, Instant receivedAt, RemoteActor author, RemotePostContent content) {
}
