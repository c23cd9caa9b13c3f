package dev.weft.infrastructure.posts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.posts.PostStatusView;
import dev.weft.domain.distribution.CopyDeliveriesAttemptedEvent;
import dev.weft.domain.distribution.CopyDeliveryAttempt;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.Destination;
import dev.weft.application.distribution.CopyView;
import dev.weft.domain.distribution.CopyAddress;
import dev.weft.domain.distribution.PostCopiesScheduledEvent;
import dev.weft.domain.distribution.PostDistribution;
import dev.weft.domain.distribution.ScheduledCopy;
import dev.weft.domain.posts.PostContent;
import dev.weft.domain.posts.PostPublishedEvent;
import dev.weft.domain.posts.Visibility;
import dev.weft.infrastructure.crossposting.JdbcCrossPostReader;
import dev.weft.infrastructure.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Batches of scheduled copies and of Create attempts make each server's row exactly as one copy's events would. */
class DeliveryBatchStatusProjectionTest {
    private static final Instant PUBLISHED = Instant.parse("2026-12-07T10:00:00Z");
    private static final JdbcTemplate JDBC = TestDatabase.JDBC;
    private static final SharingStatusProjection projection = new SharingStatusProjection(JDBC);
    private static final JdbcPostStatusReader reader = new JdbcPostStatusReader(JDBC, new JdbcCrossPostReader(JDBC));

    private final String accountId = UUID.randomUUID().toString();
    private final String postId = UUID.randomUUID().toString();
    private final Destination one = Destination.server("one.example");
    private final Destination two = Destination.server("two.example");

    @BeforeEach
    void publishedToTwoServers() {
        projection.on(new PostPublishedEvent(postId, accountId, Visibility.PUBLIC, "en", List.of(), true, "2026-11",
                PUBLISHED, new PostContent("hello", null)));
        projection.on(new PostCopiesScheduledEvent(PostDistribution.idOf(postId), postId, accountId,
                List.of(ScheduledCopy.of(postId, one), ScheduledCopy.of(postId, two)), "2026-11", PUBLISHED),
                PUBLISHED, UUID.randomUUID().toString());
    }

    @Test
    void aBatchOfScheduledCopiesListsEachServerPendingUnderThePostsConsent() {
        assertThat(servers()).extracting(PostStatusView.Server::host, PostStatusView.Server::state)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("one.example", "pending"),
                        org.assertj.core.groups.Tuple.tuple("two.example", "pending"));
        assertThat(reader.copiesOfPost(postId)).extracting(CopyView::address).containsExactlyInAnyOrder(
                new CopyAddress(postId, accountId, one), new CopyAddress(postId, accountId, two));
    }

    @Test
    void eachServerInTheBatchTakesItsOwnOutcome() {
        Instant at = PUBLISHED.plusSeconds(2);
        Instant retry = PUBLISHED.plusSeconds(62);
        projection.on(new CopyDeliveriesAttemptedEvent("report-1", postId, accountId, List.of(
                new CopyDeliveryAttempt(CopyIds.of(postId, one), one, 1, DeliveryOutcome.DELIVERED, 202, null, null,
                        at, "https://one.example/inbox"),
                new CopyDeliveryAttempt(CopyIds.of(postId, two), two, 3, DeliveryOutcome.RETRY_SCHEDULED, 503,
                        "Service Unavailable", retry, at, "https://two.example/inbox"))));

        assertThat(servers()).extracting(PostStatusView.Server::host, PostStatusView.Server::state,
                        PostStatusView.Server::attempts, PostStatusView.Server::lastHttpStatus,
                        PostStatusView.Server::nextAttemptAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("one.example", "delivered", 1, 202, null),
                        org.assertj.core.groups.Tuple.tuple("two.example", "retrying", 3, 503, retry));
        assertThat(reader.delivered(CopyIds.of(postId, one))).isTrue();
        assertThat(reader.delivered(CopyIds.of(postId, two))).isFalse();
    }

    private List<PostStatusView.Server> servers() {
        return reader.statusOf(postId).orElseThrow().fediverse().servers();
    }
}
