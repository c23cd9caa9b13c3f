package dev.weft.domain.remoteposts;

import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemotePostDeletedEvent(String remotePostId, Instant deletedAt, RemoteActor author) {
}
