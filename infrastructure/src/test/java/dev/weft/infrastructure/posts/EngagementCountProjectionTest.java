package dev.weft.infrastructure.posts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.posts.PostStatusView;
import dev.weft.domain.engagement.RemoteLikeRecordedEvent;
import dev.weft.domain.engagement.RemoteLikeUndoneEvent;
import dev.weft.domain.engagement.RemoteReplyRecordedEvent;
import dev.weft.domain.engagement.RemoteReplyRemovedEvent;
import dev.weft.domain.engagement.ReplyContent;
import dev.weft.domain.posts.PostContent;
import dev.weft.domain.posts.PostPublishedEvent;
import dev.weft.domain.posts.Visibility;
import dev.weft.domain.engagement.RemoteRepostRecordedEvent;
import dev.weft.domain.remotepeople.RemotePersonErasedEvent;
import dev.weft.domain.remotepeople.RemotePersonIds;
import dev.weft.domain.shared.RemoteActor;
import dev.weft.infrastructure.crossposting.JdbcCrossPostReader;
import dev.weft.infrastructure.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The counts under a post move only by the rows that really came or went, repeated events included. */
class EngagementCountProjectionTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final JdbcTemplate JDBC = TestDatabase.JDBC;
    private static final SharingStatusProjection projection = new SharingStatusProjection(JDBC);
    private static final JdbcPostStatusReader reader = new JdbcPostStatusReader(JDBC, new JdbcCrossPostReader(JDBC));

    private final String postId = UUID.randomUUID().toString();
    private final String accountId = UUID.randomUUID().toString();
    private final RemoteActor alice = RemoteActor.of("https://mastodon.example/users/alice");
    private final RemoteActor bob = RemoteActor.of("https://other.example/users/bob");

    @Test
    void aRepeatedLikeCountsOnceAndAnUnmatchedUndoCountsNothing() {
        published();
        projection.on(like(alice), AT, "e1");
        projection.on(like(alice), AT, "e2");
        projection.on(like(bob), AT, "e3");
        assertThat(status().likes().count()).isEqualTo(2);

        projection.on(new RemoteLikeUndoneEvent(postId, accountId, "undo-1", AT, alice));
        projection.on(new RemoteLikeUndoneEvent(postId, accountId, "undo-2", AT, alice));
        assertThat(status().likes().count()).isEqualTo(1);
    }

    @Test
    void aReplyCountsOnceAndItsRemovalOnce() {
        published();
        RemoteReplyRecordedEvent reply = new RemoteReplyRecordedEvent(postId, accountId, "https://mastodon.example/r/1",
                AT, alice, new ReplyContent("hi"));
        projection.on(reply);
        projection.on(reply);
        assertThat(status().replies().count()).isEqualTo(1);
        RemoteReplyRemovedEvent removed = new RemoteReplyRemovedEvent(postId, accountId, reply.replyId(), AT, alice);
        projection.on(removed);
        projection.on(removed);
        assertThat(status().replies().count()).isZero();
    }

    @Test
    void anErasedPersonsLeftoverEngagementGoesWithItsCountsAndOthersStays() {
        published();
        RemoteActor carol = RemoteActor.of("https://gone.example/users/carol" + UUID.randomUUID());
        projection.on(like(carol), AT, "e4");
        projection.on(like(bob), AT, "e5");
        projection.on(new RemoteReplyRecordedEvent(postId, accountId, carol.actorId() + "/r/1", AT, carol,
                new ReplyContent("bye")));
        projection.on(new RemoteRepostRecordedEvent(postId, accountId, carol.actorId() + "#announce", AT, carol));

        projection.on(new RemotePersonErasedEvent(RemotePersonIds.of(carol.actorId()), carol.actorId(), carol.host(),
                "urn:weft:erased:k1", AT));

        assertThat(status().likes().count()).isEqualTo(1);
        assertThat(status().replies().count()).isZero();
        assertThat(status().reposts().count()).isZero();
        assertThat(JDBC.queryForObject("SELECT count(*) FROM sharing_status.post_like WHERE actor_id = ?", Long.class,
                carol.actorId())).isZero();
    }

    private void published() {
        projection.on(new PostPublishedEvent(postId, accountId, Visibility.PUBLIC, "en", List.of(), true, "2026-10", AT,
                new PostContent("hello", null), null));
    }

    private RemoteLikeRecordedEvent like(RemoteActor actor) {
        return new RemoteLikeRecordedEvent(postId, accountId, actor.actorId() + "#like", AT, actor);
    }

    private PostStatusView status() {
        return reader.statusOf(postId).orElseThrow();
    }
}
