package dev.weft.infrastructure.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.ledger.LedgerFact;
import dev.weft.application.ledger.LedgerFactKind;
import dev.weft.domain.accounts.AccountErasedEvent;
import dev.weft.domain.delivery.ActivityDeliveryAttemptedEvent;
import dev.weft.domain.distribution.CopyDeliveriesAttemptedEvent;
import dev.weft.domain.distribution.CopyDeliveryAttempt;
import dev.weft.domain.distribution.CopyDeliveryAttemptedEvent;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.DeletionReason;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.HoldingChannel;
import dev.weft.domain.distribution.PostCopiesScheduledEvent;
import dev.weft.domain.distribution.PostCopyScheduledEvent;
import dev.weft.domain.distribution.PostDistribution;
import dev.weft.domain.distribution.ScheduledCopy;
import dev.weft.domain.distribution.RemoteDeletionRequestedEvent;
import dev.weft.domain.distribution.RemoteHolderObservedEvent;
import dev.weft.domain.posts.PostContent;
import dev.weft.domain.posts.PostPublishedEvent;
import dev.weft.domain.posts.Visibility;
import dev.weft.infrastructure.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger's rows on real PostgreSQL: what is a disclosure, what is kept, and what erasure drops. */
class LedgerProjectionTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final JdbcTemplate JDBC = TestDatabase.JDBC;
    private static final LedgerProjection projection = new LedgerProjection(JDBC);
    private static final JdbcLedgerReader reader = new JdbcLedgerReader(JDBC);
    private static final String INBOX = "https://remote.example/users/ann/inbox";

    private final String accountId = UUID.randomUUID().toString();
    private final String postId = UUID.randomUUID().toString();
    private final Destination server = Destination.server("remote.example");
    private final String copyId = CopyIds.of(postId, server);

    private void published() {
        projection.on(new PostPublishedEvent(postId, accountId, Visibility.PUBLIC, "en", List.of(), true, "2026-11",
                T0, new PostContent("hello", null)), T0, UUID.randomUUID().toString());
        // The policy schedules the copy a moment after the post's event, stamped with the post's time.
        projection.on(new PostCopyScheduledEvent(copyId, postId, accountId, server, "2026-11", T0),
                T0.plusMillis(5), UUID.randomUUID().toString());
    }

    private void delivered(DeliveryOutcome outcome, Instant at) {
        projection.on(new CopyDeliveryAttemptedEvent(copyId, postId, accountId, server, 1, outcome, 202, null, null,
                null, null, at, INBOX), at, UUID.randomUUID().toString());
    }

    private List<LedgerFactKind> kinds() {
        return reader.factsOfAccount(accountId, T0.plusSeconds(3_600)).stream().map(LedgerFact::kind).toList();
    }

    @Test
    void schedulingIsNotADisclosureButA2xxIs() {
        published();
        assertThat(kinds()).containsExactly(LedgerFactKind.POST_PUBLISHED, LedgerFactKind.COPY_SCHEDULED);

        delivered(DeliveryOutcome.RETRY_SCHEDULED, T0.plusSeconds(1));
        delivered(DeliveryOutcome.DELIVERED, T0.plusSeconds(2));
        assertThat(kinds()).endsWith(LedgerFactKind.DELIVERY_FAILED, LedgerFactKind.DISCLOSED);
        LedgerFact disclosed = reader.factsOfPost(postId).get(3);
        assertThat(disclosed).extracting(LedgerFact::channel, LedgerFact::inbox, LedgerFact::destination)
                .containsExactly(HoldingChannel.DELIVERY, INBOX, server);
        assertThat(reader.authorOf(postId)).contains(accountId);
    }

    @Test
    void aBatchOfAttemptsGivesAFactPerAttemptAndItsReplayNoMore() {
        published();
        Destination other = Destination.server("other.example");
        CopyDeliveriesAttemptedEvent batch = new CopyDeliveriesAttemptedEvent("report-1", postId, accountId, List.of(
                new CopyDeliveryAttempt(copyId, server, 1, DeliveryOutcome.DELIVERED, 202, null, null,
                        T0.plusSeconds(1), INBOX),
                new CopyDeliveryAttempt(CopyIds.of(postId, other), other, 1, DeliveryOutcome.RETRY_SCHEDULED, 503,
                        "Service Unavailable", T0.plusSeconds(60), T0.plusSeconds(1), "https://other.example/inbox")));
        String eventId = UUID.randomUUID().toString();
        projection.on(batch, T0.plusSeconds(1), eventId);
        projection.on(batch, T0.plusSeconds(1), eventId);

        assertThat(kinds()).containsExactlyInAnyOrder(LedgerFactKind.POST_PUBLISHED, LedgerFactKind.COPY_SCHEDULED,
                LedgerFactKind.DISCLOSED, LedgerFactKind.DELIVERY_FAILED);
        assertThat(reader.factsOfPost(postId)).filteredOn(f -> f.kind() == LedgerFactKind.DISCLOSED).singleElement()
                .extracting(LedgerFact::channel, LedgerFact::inbox, LedgerFact::destination, LedgerFact::copyId)
                .containsExactly(HoldingChannel.DELIVERY, INBOX, server, copyId);
        assertThat(reader.factsOfPost(postId)).filteredOn(f -> f.kind() == LedgerFactKind.DELIVERY_FAILED)
                .singleElement().extracting(LedgerFact::destination).isEqualTo(other);
    }

    @Test
    void aBatchOfScheduledCopiesIsAScheduleFactPerServerUnderThePostsConsent() {
        projection.on(new PostPublishedEvent(postId, accountId, Visibility.PUBLIC, "en", List.of(), true, "2026-11",
                T0, new PostContent("hello", null)), T0, UUID.randomUUID().toString());
        Destination other = Destination.server("other.example");
        projection.on(new PostCopiesScheduledEvent(PostDistribution.idOf(postId), postId, accountId,
                List.of(ScheduledCopy.of(postId, server), ScheduledCopy.of(postId, other)), "2026-11", T0),
                T0.plusMillis(5), UUID.randomUUID().toString());
        assertThat(reader.factsOfPost(postId)).filteredOn(f -> f.kind() == LedgerFactKind.COPY_SCHEDULED)
                .extracting(LedgerFact::destination, LedgerFact::consentVersion, LedgerFact::copyId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(server, "2026-11", copyId),
                        org.assertj.core.groups.Tuple.tuple(other, "2026-11", CopyIds.of(postId, other)));
    }

    @Test
    void aReplayOfTheSameEventWritesNothingTwice() {
        published();
        String eventId = UUID.randomUUID().toString();
        RemoteDeletionRequestedEvent requested = new RemoteDeletionRequestedEvent(copyId, postId, accountId, server,
                DeletionReason.POST_DELETED, T0.plusSeconds(5));
        projection.on(requested, T0.plusSeconds(5), eventId);
        projection.on(requested, T0.plusSeconds(5), eventId);
        assertThat(kinds()).containsOnlyOnce(LedgerFactKind.DELETION_REQUESTED);
    }

    @Test
    void anUpdateDeliveredToACopysServerIsARevisionOfThatPost() {
        published();
        projection.on(new ActivityDeliveryAttemptedEvent("d-1", accountId, "POST_UPDATE", "https://weft/posts/"
                + postId + "/updates/1", INBOX, "remote.example", 1, DeliveryOutcome.DELIVERED, 202, null, null,
                T0.plusSeconds(9), copyId), T0.plusSeconds(9), UUID.randomUUID().toString());
        assertThat(reader.factsOfPost(postId)).last().extracting(LedgerFact::kind, LedgerFact::copyId)
                .containsExactly(LedgerFactKind.REVISION_DISCLOSED, copyId);
    }

    @Test
    void aServerSeenHoldingThePostIsADisclosureByItsChannel() {
        published();
        projection.on(new RemoteHolderObservedEvent(copyId, postId, accountId, server, HoldingChannel.ENGAGEMENT,
                "https://remote.example/users/ann", "2026-11", T0.plusSeconds(3)), T0.plusSeconds(3),
                UUID.randomUUID().toString());
        assertThat(reader.factsOfPost(postId)).last().extracting(LedgerFact::kind, LedgerFact::channel)
                .containsExactly(LedgerFactKind.DISCLOSED, HoldingChannel.ENGAGEMENT);
    }

    @Test
    void asOfReadsStopAtTheInstantAsked() {
        published();
        delivered(DeliveryOutcome.DELIVERED, T0.plusSeconds(10));
        assertThat(reader.factsOfAccount(accountId, T0.plusSeconds(9))).hasSize(2);
        assertThat(reader.factsOfAccount(accountId, T0.plusSeconds(10))).hasSize(3);
    }

    @Test
    void erasureDropsInboxesAndLinksAndKeepsTheSkeleton() {
        published();
        delivered(DeliveryOutcome.DELIVERED, T0.plusSeconds(1));
        projection.on(new ActivityDeliveryAttemptedEvent("d-2", accountId, "ACTOR_DELETE", "urn:weft:erased:k",
                "urn:weft:erased:k", "remote.example", 1, DeliveryOutcome.RETRY_SCHEDULED, 503,
                "see https://remote.example/status", null, T0.plusSeconds(2), null), T0.plusSeconds(2),
                UUID.randomUUID().toString());
        projection.on(new AccountErasedEvent(accountId, T0.plusSeconds(3)), T0.plusSeconds(3),
                UUID.randomUUID().toString());

        List<LedgerFact> facts = reader.factsOfAccount(accountId, T0.plusSeconds(3_600));
        assertThat(facts).allMatch(f -> f.inbox() == null);
        assertThat(facts).extracting(LedgerFact::detail).noneMatch(d -> d != null && d.contains("https://"));
        assertThat(facts).extracting(LedgerFact::kind).containsExactly(LedgerFactKind.POST_PUBLISHED,
                LedgerFactKind.COPY_SCHEDULED, LedgerFactKind.DISCLOSED, LedgerFactKind.DELETION_FAILED,
                LedgerFactKind.ACCOUNT_ERASED);
        assertThat(facts.get(2).destination()).isEqualTo(server);
    }
}
