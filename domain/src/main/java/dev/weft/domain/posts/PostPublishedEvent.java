package dev.weft.domain.posts;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.shared.AccountEvent;
import java.util.List;
import java.time.Instant;

public record PostPublishedEvent(String postId, String accountId, Visibility visibility, String language, List<CrossPostTarget> crossPostTo, boolean sharedToFediverse, String consentVersion, Instant publishedAt, @PersonalData(subject = "accountId") PostContent content) implements AccountEvent {
}
