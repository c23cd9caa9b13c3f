package dev.weft.application.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.HoldingChannel;
import dev.weft.domain.links.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fold on its own: what counts as held, which revision, and what a deletion's outcome does. */
class HoldingsFoldTest {
    private static final String ACCOUNT = "account-1";
    private static final String POST = "post-1";
    private static final Destination SERVER = Destination.server("remote.example");
    private static final Destination THREADS = Destination.linkedAccount("link-1", Platform.THREADS);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final List<LedgerFact> facts = new ArrayList<>();

    private void fact(LedgerFactKind kind, Destination to, HoldingChannel channel, String detail) {
        facts.add(new LedgerFact(facts.size(), ACCOUNT, kind, T0.plusSeconds(facts.size()), POST, to == null ? null
                : "copy-" + to.label(), to, channel, "2026-11", kind == LedgerFactKind.DISCLOSED && to == THREADS
                ? "threads-media-1" : null, to == SERVER ? "https://remote.example/inbox" : null, detail));
    }

    private Holdings fold() {
        return HoldingsFold.of(ACCOUNT, T0.plusSeconds(1_000), facts);
    }

    private HeldItem only(Holdings holdings, String recipient) {
        return holdings.recipients().stream().filter(r -> r.recipient().equals(recipient)).findFirst()
                .orElseThrow().items().get(0);
    }

    @Test
    void aCopyScheduledButNeverAcknowledgedIsHeldByNobody() {
        fact(LedgerFactKind.POST_PUBLISHED, null, null, null);
        fact(LedgerFactKind.COPY_SCHEDULED, SERVER, null, null);
        fact(LedgerFactKind.DELIVERY_FAILED, SERVER, null, "attempt 1, HTTP 503");

        assertThat(fold().recipients()).isEmpty();
    }

    @Test
    void anAcknowledgedCopyIsHeldWithItsChannelInboxConsentAndRemoteId() {
        fact(LedgerFactKind.POST_PUBLISHED, null, null, null);
        fact(LedgerFactKind.COPY_SCHEDULED, SERVER, null, null);
        fact(LedgerFactKind.DISCLOSED, SERVER, HoldingChannel.DELIVERY, "HTTP 202");
        fact(LedgerFactKind.DISCLOSED, THREADS, HoldingChannel.CROSS_POST, "part 1 of 1");

        Holdings holdings = fold();
        assertThat(holdings.recipients()).hasSize(2);
        RecipientHoldings server = holdings.recipients().stream().filter(r -> r.host() != null).findFirst()
                .orElseThrow();
        assertThat(server.inboxes()).containsExactly("https://remote.example/inbox");
        assertThat(server.holding()).isEqualTo(1);
        assertThat(only(holdings, "remote.example")).extracting(HeldItem::channel, HeldItem::consentVersion,
                HeldItem::held, HeldItem::revision).containsExactly("delivery", "2026-11", true, 1);
        assertThat(only(holdings, "threads:link-1").remoteIds()).containsExactly("threads-media-1");
    }

    @Test
    void anEditsUpdateRaisesTheRevisionOnlyWhereItArrived() {
        fact(LedgerFactKind.POST_PUBLISHED, null, null, null);
        fact(LedgerFactKind.DISCLOSED, SERVER, HoldingChannel.DELIVERY, null);
        fact(LedgerFactKind.DISCLOSED, THREADS, HoldingChannel.CROSS_POST, null);
        fact(LedgerFactKind.POST_EDITED, null, null, null);
        fact(LedgerFactKind.REVISION_DISCLOSED, SERVER, HoldingChannel.DELIVERY, null);

        assertThat(only(fold(), "remote.example").revision()).isEqualTo(2);
        assertThat(only(fold(), "threads:link-1").revision()).isEqualTo(1);
    }

    @Test
    void onlyADeliveredOrAlreadyGoneDeletionEndsTheHolding() {
        fact(LedgerFactKind.DISCLOSED, SERVER, HoldingChannel.DELIVERY, null);
        fact(LedgerFactKind.DELETION_REQUESTED, SERVER, null, "sharing_turned_off");
        assertThat(only(fold(), "remote.example")).extracting(HeldItem::held, i -> i.deletion().state())
                .containsExactly(true, "pending");

        fact(LedgerFactKind.DELETION_FAILED, SERVER, null, "HTTP 503");
        assertThat(only(fold(), "remote.example")).extracting(HeldItem::held, i -> i.deletion().state(),
                i -> i.deletion().detail()).containsExactly(true, "failed", "HTTP 503");

        fact(LedgerFactKind.DELETION_DELIVERED, SERVER, null, null);
        HeldItem item = only(fold(), "remote.example");
        assertThat(item.held()).isFalse();
        assertThat(item.deletion()).extracting(DeletionState::state, DeletionState::reason)
                .containsExactly("delivered", "sharing_turned_off");
        assertThat(fold().recipients().get(0).holding()).isZero();
    }

    @Test
    void anAbandonedDeletionLeavesTheItemHeld() {
        fact(LedgerFactKind.DISCLOSED, SERVER, HoldingChannel.DELIVERY, null);
        fact(LedgerFactKind.DELETION_REQUESTED, SERVER, null, "post_deleted");
        fact(LedgerFactKind.DELETION_ABANDONED, SERVER, null, "HTTP 403");

        assertThat(only(fold(), "remote.example")).extracting(HeldItem::held, i -> i.deletion().state())
                .containsExactly(true, "abandoned");
    }

    @Test
    void aProfileRecalledAndDisclosedAgainIsHeldAfresh() {
        facts.add(new LedgerFact(0, ACCOUNT, LedgerFactKind.PROFILE_DISCLOSED, T0, null, null, SERVER,
                HoldingChannel.DELIVERY, null, null, null, null));
        facts.add(new LedgerFact(1, ACCOUNT, LedgerFactKind.DELETION_DELIVERED, T0.plusSeconds(1), null, null, SERVER,
                null, null, null, null, "attempt 1, HTTP 202"));
        assertThat(only(fold(), "remote.example")).extracting(HeldItem::itemType, HeldItem::itemId, HeldItem::held)
                .containsExactly("profile", ACCOUNT, false);

        facts.add(new LedgerFact(2, ACCOUNT, LedgerFactKind.PROFILE_DISCLOSED, T0.plusSeconds(2), null, null, SERVER,
                HoldingChannel.DELIVERY, null, null, null, null));
        HeldItem again = only(fold(), "remote.example");
        assertThat(again.held()).isTrue();
        assertThat(again.deletion()).isNull();
        assertThat(again.disclosedAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void theConsentInForceIsTheLastOneGivenAndNoneOnceWithdrawn() {
        facts.add(new LedgerFact(0, ACCOUNT, LedgerFactKind.CONSENT_GIVEN, T0, null, null, null, null, "2026-11",
                null, null, null));
        assertThat(fold().consentInForce()).isEqualTo("2026-11");
        facts.add(new LedgerFact(1, ACCOUNT, LedgerFactKind.CONSENT_WITHDRAWN, T0.plusSeconds(1), null, null, null,
                null, "2026-11", null, null, "requested"));
        assertThat(fold().consentInForce()).isNull();
        assertThat(fold().factsRead()).isEqualTo(2);
    }

    @Test
    void theDeletionLogAsOfShowsEachRequestWithItsLatestOutcome() {
        fact(LedgerFactKind.DISCLOSED, SERVER, HoldingChannel.DELIVERY, null);
        fact(LedgerFactKind.DELETION_REQUESTED, SERVER, null, "post_deleted");
        assertThat(DeletionLogAsOf.of(facts)).singleElement().extracting(r -> r.outcome(), r -> r.reason())
                .containsExactly("pending", "post_deleted");
        fact(LedgerFactKind.DELETION_DELIVERED, SERVER, null, null);
        assertThat(DeletionLogAsOf.of(facts)).singleElement().extracting(r -> r.outcome(), r -> r.destination())
                .containsExactly("delivered", "remote.example");
    }

    @Test
    void aPostsHistoryTellsEachStepWithTheRevisionReachedByThen() {
        fact(LedgerFactKind.POST_PUBLISHED, null, null, null);
        fact(LedgerFactKind.DISCLOSED, SERVER, HoldingChannel.DELIVERY, null);
        fact(LedgerFactKind.POST_EDITED, null, null, null);
        fact(LedgerFactKind.REVISION_DISCLOSED, SERVER, HoldingChannel.DELIVERY, null);

        PostHistory history = PostHistories.of(POST, ACCOUNT, facts);
        assertThat(history.entries()).extracting(PostHistoryEntry::kind, PostHistoryEntry::revision,
                PostHistoryEntry::recipient).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("post_published", 1, null),
                        org.assertj.core.groups.Tuple.tuple("disclosed", 1, "remote.example"),
                        org.assertj.core.groups.Tuple.tuple("post_edited", 2, null),
                        org.assertj.core.groups.Tuple.tuple("revision_disclosed", 2, "remote.example"));
    }
}
