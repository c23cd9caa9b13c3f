package dev.weft.domain.engagement;

import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;

public record RemoteReplyRecordedEvent(String postId, String accountId, String replyId, Instant repliedAt, RemoteActor actor, ReplyContent content) implements AccountEvent {
}
