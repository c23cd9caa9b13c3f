package dev.weft.infrastructure.posts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.posts.CrossPostView;
import dev.weft.application.shared.PageRequest;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.CrossPostFailedEvent;
import dev.weft.domain.distribution.CrossPostHeldForReauthorizationEvent;
import dev.weft.domain.distribution.CrossPostPartPublishedEvent;
import dev.weft.domain.distribution.CrossPostResumedEvent;
import dev.weft.domain.distribution.CrossPostRetryScheduledEvent;
import dev.weft.domain.distribution.DeletionReason;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.PostCopyScheduledEvent;
import dev.weft.domain.distribution.RemoteDeletionAbandonedEvent;
import dev.weft.domain.distribution.RemoteDeletionAlreadyGoneEvent;
import dev.weft.domain.distribution.RemoteDeletionRequestedEvent;
import dev.weft.domain.links.Platform;
import dev.weft.infrastructure.crossposting.JdbcCrossPostReader;
import dev.weft.infrastructure.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sharing-status projection's copies to linked accounts, on a real PostgreSQL migrated
 * as the engine migrates it, read back through the reader the API uses.
 */
class CrossPostStatusProjectionTest {
    private static final Instant PUBLISHED = Instant.parse("2026-12-01T10:00:00Z");
    private static final JdbcTemplate JDBC = TestDatabase.JDBC;
    private static final SharingStatusProjection projection = new SharingStatusProjection(JDBC);
    private static final JdbcCrossPostReader reader = new JdbcCrossPostReader(JDBC);

    private final String accountId = UUID.randomUUID().toString();
    private final String postId = UUID.randomUUID().toString();
    private final Destination threads = Destination.linkedAccount("link-" + postId, Platform.THREADS);
    private final String copyId = CopyIds.of(postId, threads);

    @Test
    void aScheduledCopyIsPending() {
        scheduled();
        CrossPostView copy = copy();
        assertThat(copy.state()).isEqualTo("pending");
        assertThat(copy.platform()).isEqualTo("threads");
        assertThat(copy.attempts()).isZero();
    }

    @Test
    void aCopyIsPublishedWhenItsLastPartIsWithTheDelayFromThePost() {
        scheduled();
        projection.on(part(1, 2, 1, PUBLISHED.plusSeconds(2)));
        assertThat(copy().state()).as("one part of two").isEqualTo("pending");
        projection.on(part(2, 2, 2, PUBLISHED.plusSeconds(3)));

        CrossPostView copy = copy();
        assertThat(copy.state()).isEqualTo("published");
        assertThat(copy.remoteId()).as("the thread's first part").isEqualTo("media-1");
        assertThat(copy.parts()).extracting(CrossPostView.Part::remoteId).containsExactly("media-1", "media-2");
        assertThat(copy.attempts()).isEqualTo(2);
        assertThat(copy.confirmedAt()).isEqualTo(PUBLISHED.plusSeconds(3));
        assertThat(copy.confirmationDelay()).isEqualTo(Duration.ofSeconds(3).toString());
    }

    @Test
    void aRetryShowsWhyAndWhenWhileTheCopyStaysPending() {
        scheduled();
        projection.on(new CrossPostRetryScheduledEvent(copyId, postId, accountId, threads, 1, 503,
                "HTTP 503: unavailable", PUBLISHED.plusSeconds(60), PUBLISHED.plusSeconds(1)));
        CrossPostView copy = copy();
        assertThat(copy.state()).isEqualTo("pending");
        assertThat(copy.lastError()).isEqualTo("HTTP 503: unavailable");
        assertThat(copy.lastHttpStatus()).isEqualTo(503);
        assertThat(copy.nextAttemptAt()).isEqualTo(PUBLISHED.plusSeconds(60));
    }

    @Test
    void aHeldCopyNeedsReauthorizationUntilItResumes() {
        scheduled();
        projection.on(new CrossPostHeldForReauthorizationEvent(copyId, postId, accountId, threads, 1, 400,
                "HTTP 400: (#190) expired", PUBLISHED));
        assertThat(copy().state()).isEqualTo("needs_reauthorization");
        projection.on(new CrossPostResumedEvent(copyId, postId, accountId, threads, PUBLISHED.plusSeconds(9)));
        assertThat(copy().state()).isEqualTo("pending");
    }

    @Test
    void aFailedCopyIsListedAmongTheAccountsFailures() {
        scheduled();
        projection.on(new CrossPostFailedEvent(copyId, postId, accountId, threads, 1, 400, "HTTP 400: (#368) no",
                PUBLISHED));
        assertThat(copy().state()).isEqualTo("failed");
        assertThat(reader.copiesOfAccount(accountId, "failed", PageRequest.of(null, 10)).items())
                .extracting(CrossPostView::postId).containsExactly(postId);
        assertThat(reader.copiesOfAccount(accountId, "published", PageRequest.of(null, 10)).items()).isEmpty();
    }

    @Test
    void aDeletionIsDeletingUntilItsOutcomeAndThePlatformsGoneIsDeleted() {
        scheduled();
        projection.on(part(1, 1, 1, PUBLISHED));
        projection.on(deletionRequested());
        assertThat(copy().state()).isEqualTo("deleting");
        projection.on(new RemoteDeletionAlreadyGoneEvent(copyId, postId, accountId, threads, "HTTP 404",
                PUBLISHED.plusSeconds(5)));
        CrossPostView copy = copy();
        assertThat(copy.state()).isEqualTo("deleted");
        assertThat(copy.deletion().state()).isEqualTo("already_gone");
        assertThat(copy.deletion().endedAt()).isEqualTo(PUBLISHED.plusSeconds(5));
    }

    @Test
    void anAbandonedDeletionOfSomethingPublishedIsADeletionFailure() {
        scheduled();
        projection.on(part(1, 1, 1, PUBLISHED));
        projection.on(deletionRequested());
        projection.on(new RemoteDeletionAbandonedEvent(copyId, postId, accountId, threads, "HTTP 403", PUBLISHED));
        assertThat(copy().state()).isEqualTo("deletion_failed");
        assertThat(copy().deletion().detail()).isEqualTo("HTTP 403");
    }

    @Test
    void aCopyRecalledBeforeItWentOutIsWithdrawnWithNothingToDelete() {
        scheduled();
        projection.on(deletionRequested());
        projection.on(new RemoteDeletionAbandonedEvent(copyId, postId, accountId, threads,
                "never published on threads: nothing to delete", PUBLISHED));
        CrossPostView copy = copy();
        assertThat(copy.state()).isEqualTo("withdrawn");
        assertThat(copy.deletion().state()).isEqualTo("nothing_to_delete");
    }

    private void scheduled() {
        projection.on(new PostCopyScheduledEvent(copyId, postId, accountId, threads, "2026-11", PUBLISHED), PUBLISHED,
                UUID.randomUUID().toString());
    }

    private CrossPostPartPublishedEvent part(int part, int parts, int attempt, Instant at) {
        return new CrossPostPartPublishedEvent(copyId, postId, accountId, threads, part, parts, "media-" + part,
                "https://www.threads.net/@a/post/" + part, attempt, at);
    }

    private RemoteDeletionRequestedEvent deletionRequested() {
        return new RemoteDeletionRequestedEvent(copyId, postId, accountId, threads, DeletionReason.POST_DELETED,
                PUBLISHED.plusSeconds(4));
    }

    private CrossPostView copy() {
        return reader.copyOf(postId, threads.key()).orElseThrow();
    }
}
