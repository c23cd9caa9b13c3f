package dev.weft.infrastructure.posts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.distribution.CopyReader;
import dev.weft.application.distribution.CopyView;
import dev.weft.application.posts.PostStatusView;
import dev.weft.domain.accounts.AccountErasedEvent;
import dev.weft.domain.distribution.CopyDeliveryAttemptedEvent;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.DeletionReason;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.HoldingChannel;
import dev.weft.domain.distribution.PostCopyScheduledEvent;
import dev.weft.domain.distribution.RemoteDeletionRequestedEvent;
import dev.weft.domain.distribution.RemoteHolderObservedEvent;
import dev.weft.domain.posts.PostContent;
import dev.weft.domain.posts.PostPublishedEvent;
import dev.weft.domain.posts.Visibility;
import dev.weft.domain.remotepeople.RemotePersonErasedEvent;
import dev.weft.domain.remotepeople.RemotePersonIds;
import dev.weft.infrastructure.crossposting.JdbcCrossPostReader;
import dev.weft.infrastructure.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A server that holds a post Weft never sent it becomes one of the post's copies in the
 * sharing-status projection: listed for every recall, shown truthfully in the status.
 */
class RemoteHolderStatusProjectionTest {
    private static final Instant PUBLISHED = Instant.parse("2026-12-01T10:00:00Z");
    private static final JdbcTemplate JDBC = TestDatabase.JDBC;
    private static final SharingStatusProjection projection = new SharingStatusProjection(JDBC);
    private static final JdbcPostStatusReader reader = new JdbcPostStatusReader(JDBC, new JdbcCrossPostReader(JDBC));
    private static final String ANN = "https://remote.example/users/ann";

    private final String accountId = UUID.randomUUID().toString();
    private final String postId = UUID.randomUUID().toString();
    private final Destination remote = Destination.server("remote.example");
    private final String copyId = CopyIds.of(postId, remote);

    @BeforeEach
    void published() {
        projection.on(new PostPublishedEvent(postId, accountId, Visibility.PUBLIC, "en", List.of(), true, "2026-11",
                PUBLISHED, new PostContent("hello", null)));
    }

    @Test
    void thePostsRowKeepsTheConsentItWasSharedUnder() {
        assertThat(reader.sharingOf(postId)).contains(new CopyReader.PostSharing(accountId, true, false, "2026-11"));
    }

    @Test
    void aHolderIsACopyOfThePostAndOfTheAccountsFediverseCopies() {
        observed();
        CopyView expected = new CopyView(copyId, postId, accountId, remote, false);
        assertThat(reader.copiesOfPost(postId)).containsExactly(expected);
        assertThat(reader.fediverseCopiesOfAccount(accountId)).containsExactly(expected);
        assertThat(reader.witnessOf(copyId)).contains(ANN);
        assertThat(reader.witnessesOfAccount(accountId)).containsExactly(ANN);
    }

    @Test
    void theStatusShowsAHolderAsNotSentAndHeldThroughEngagement() {
        observed();
        PostStatusView.Server server = server();
        assertThat(server.host()).isEqualTo("remote.example");
        assertThat(server.state()).isEqualTo("not_sent");
        assertThat(server.heldVia()).isEqualTo("engagement");
        assertThat(server.attempts()).isZero();

        projection.on(new RemoteDeletionRequestedEvent(copyId, postId, accountId, remote,
                DeletionReason.SHARING_TURNED_OFF, PUBLISHED.plusSeconds(9)));
        assertThat(server().state()).isEqualTo("deletion_requested");
        assertThat(reader.copiesOfPost(postId)).extracting(CopyView::deletionRequested).containsExactly(true);
    }

    @Test
    void aCopyScheduledAfterItsServerWasSeenHoldingThePostIsPendingAndKeepsHowItWasHeld() {
        observed();
        projection.on(new PostCopyScheduledEvent(copyId, postId, accountId, remote, "2026-11", PUBLISHED.plusSeconds(5)),
                PUBLISHED.plusSeconds(5), UUID.randomUUID().toString());
        assertThat(server().state()).isEqualTo("pending");
        assertThat(server().heldVia()).isEqualTo("engagement");
        assertThat(reader.copiesOfPost(postId)).hasSize(1);

        projection.on(new CopyDeliveryAttemptedEvent(copyId, postId, accountId, remote, 1, DeliveryOutcome.DELIVERED,
                202, null, null, null, null, PUBLISHED.plusSeconds(6), null));
        assertThat(server().state()).isEqualTo("delivered");
    }

    @Test
    void aServerSeenHoldingACopyAlreadyOnItsWayKeepsItsDeliveryState() {
        projection.on(new PostCopyScheduledEvent(copyId, postId, accountId, remote, "2026-11", PUBLISHED), PUBLISHED,
                UUID.randomUUID().toString());
        projection.on(new CopyDeliveryAttemptedEvent(copyId, postId, accountId, remote, 1, DeliveryOutcome.FAILED,
                503, "HTTP 503", null, null, PUBLISHED.plusSeconds(60), PUBLISHED.plusSeconds(1), null));
        observed();
        assertThat(server().state()).isEqualTo("failed");
        assertThat(server().attempts()).isEqualTo(1);
        assertThat(server().heldVia()).isEqualTo("engagement");
    }

    @Test
    void erasingTheAccountForgetsTheWitnessButKeepsTheCopy() {
        observed();
        projection.on(new AccountErasedEvent(accountId, PUBLISHED.plusSeconds(3600)));
        assertThat(reader.witnessOf(copyId)).isEmpty();
        assertThat(reader.copiesOfPost(postId)).hasSize(1);
    }

    @Test
    void erasingTheWitnessNamesThemByTheirPlaceholderAndKeepsTheCopy() {
        observed();
        projection.on(new RemotePersonErasedEvent(RemotePersonIds.of(ANN), ANN, "remote.example", "urn:weft:erased:k2",
                PUBLISHED.plusSeconds(60)));
        assertThat(reader.witnessOf(copyId)).contains("urn:weft:erased:k2");
        assertThat(server().heldVia()).isEqualTo("engagement");
    }

    private void observed() {
        projection.on(new RemoteHolderObservedEvent(copyId, postId, accountId, remote, HoldingChannel.ENGAGEMENT, ANN,
                "2026-11", PUBLISHED.plusSeconds(2)), PUBLISHED.plusSeconds(2), UUID.randomUUID().toString());
    }

    private PostStatusView.Server server() {
        return reader.statusOf(postId).orElseThrow().fediverse().servers().get(0);
    }
}
