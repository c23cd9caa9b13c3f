package dev.weft.domain.posts;

import dev.weft.domain.accounts.CrossPostTarget;
import dev.weft.domain.accounts.PostPermit;
import dev.weft.domain.links.Platform;
import java.time.Instant;
import java.util.List;

/** Shared givens for the Post tests: a public post by account-1, cross-posted to Threads and shared. */
final class PostFixtures {
    static final String POST_ID = "post-1";
    static final String AUTHOR = "account-1";
    static final String CONSENT = "2026-11";
    static final Instant PUBLISHED_AT = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    static final List<CrossPostTarget> TO_THREADS = List.of(new CrossPostTarget("link-1", Platform.THREADS));
    static final PostPermit PERMIT = new PostPermit(AUTHOR, TO_THREADS, true, CONSENT);

    private PostFixtures() {
    }

    /** An account that grants every post the same permit. */
    static PostingAuthority grantingAuthority(PostPermit permit) {
        return request -> permit;
    }

    static PostPublishedEvent published() {
        return published(Visibility.PUBLIC);
    }

    static PostPublishedEvent published(Visibility visibility) {
        return new PostPublishedEvent(POST_ID, AUTHOR, visibility, "en", TO_THREADS, true, CONSENT, PUBLISHED_AT,
                new PostContent("Hello, fediverse", null));
    }

    static PostDeletedEvent deleted() {
        return new PostDeletedEvent(POST_ID, AUTHOR, PostDeletionReason.AUTHOR_REQUEST, true, PUBLISHED_AT);
    }
}
