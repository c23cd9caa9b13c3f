package dev.weft.domain.posts;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record PostEditedEvent(String postId, String accountId, String language, boolean sharedToFediverse, Instant editedAt, @PersonalData(subject = "accountId") PostContent content) implements AccountEvent {
}
