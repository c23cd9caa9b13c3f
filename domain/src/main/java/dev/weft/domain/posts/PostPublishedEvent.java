package dev.weft.domain.posts;

import dev.weft.domain.accounts.CrossPostTarget;
import dev.weft.domain.accounts.PostPermit;
import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.PersonalData;
import java.time.Instant;
import java.util.List;

/**
 * fediverseWithheld: why a post of an account that shares did not go to the fediverse
 * (PostPermit.CONSENT_OUTDATED), null otherwise and in events stored before it existed.
 */
public record PostPublishedEvent(String postId, String accountId, Visibility visibility, String language,
                                 List<CrossPostTarget> crossPostTo, boolean sharedToFediverse, String consentVersion,
                                 Instant publishedAt, @PersonalData(subject = "accountId") PostContent content,
                                 String fediverseWithheld) implements AccountEvent {

    public PostPublishedEvent(String postId, String accountId, Visibility visibility, String language,
                              List<CrossPostTarget> crossPostTo, boolean sharedToFediverse, String consentVersion,
                              Instant publishedAt, PostContent content) {
        this(postId, accountId, visibility, language, crossPostTo, sharedToFediverse, consentVersion, publishedAt,
                content, null);
    }
}
