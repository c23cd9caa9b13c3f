package dev.weft.application.crossposting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.links.LinkDirectory;
import dev.weft.application.links.LinkView;
import dev.weft.application.shared.PolicyCommands;
import dev.weft.application.shared.WeftSettings;
import dev.weft.domain.accounts.CrossPostTarget;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.CrossPostRetryRequestedEvent;
import dev.weft.domain.distribution.DeletionOutcome;
import dev.weft.domain.distribution.DeletionReason;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.RecordRemoteDeletionOutcomeCommand;
import dev.weft.domain.distribution.RemoteDeletionRequestedEvent;
import dev.weft.domain.distribution.RequestRemoteDeletionCommand;
import dev.weft.domain.distribution.ResumeCrossPostCommand;
import dev.weft.domain.distribution.ScheduleCopyCommand;
import dev.weft.domain.distribution.WithdrawCrossPostCommand;
import dev.weft.domain.links.ExternalAccountReauthorizedEvent;
import dev.weft.domain.links.ExternalAccountUnlinkedEvent;
import dev.weft.domain.links.Platform;
import dev.weft.domain.posts.PostContent;
import dev.weft.domain.posts.PostEditedEvent;
import dev.weft.domain.posts.PostPublishedEvent;
import dev.weft.domain.posts.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the cross-post policy asks of the copies and of the queue, for each fact it handles. */
class CrossPostPolicyTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Destination MASTODON = Destination.linkedAccount("link-m", Platform.MASTODON);
    private static final Destination THREADS = Destination.linkedAccount("link-t", Platform.THREADS);

    private final RecordingQueue queue = new RecordingQueue();
    private final List<Object> commands = new ArrayList<>();
    private final Map<String, LinkView> links = new HashMap<>();
    private final CrossPostPolicy policy = new CrossPostPolicy(new PolicyCommands(null) {
        @Override
        public void send(String policyName, Object command) {
            commands.add(command);
        }
    }, queue, new Links(), new WeftSettings("https://weft.example"));

    @Test
    void eachChosenLinkGetsACopyScheduledAndQueuedWithTheLinkAsItStands() {
        links.put("link-m", link("link-m", "mastodon"));
        links.put("link-t", link("link-t", "threads"));
        policy.on(published(Visibility.PUBLIC, MASTODON, THREADS));

        assertThat(commands).containsExactly(
                new ScheduleCopyCommand(CopyIds.of("post-1", MASTODON), "post-1", "account-1", MASTODON, "2026-11",
                        AT),
                new ScheduleCopyCommand(CopyIds.of("post-1", THREADS), "post-1", "account-1", THREADS, "2026-11", AT));
        assertThat(queue.enqueued).extracting(QueuedCrossPost::copyId)
                .containsExactly(CopyIds.of("post-1", MASTODON), CopyIds.of("post-1", THREADS));
        QueuedCrossPost first = queue.enqueued.get(0);
        assertThat(first.link().instanceUrl()).isEqualTo("https://link-m.example");
        assertThat(first.link().remoteAccountId()).isEqualTo("remote-link-m");
        assertThat(first.draft().text()).isEqualTo("Hello #weft");
        assertThat(first.draft().originalUrl()).isEqualTo("https://weft.example/posts/post-1");
    }

    @Test
    void aFollowersOnlyPostHasNoPublicOriginalToLinkTo() {
        links.put("link-m", link("link-m", "mastodon"));
        policy.on(published(Visibility.FOLLOWERS_ONLY, MASTODON));
        assertThat(queue.enqueued.get(0).draft().originalUrl()).isNull();
        assertThat(queue.enqueued.get(0).visibility()).isEqualTo("followers-only");
    }

    @Test
    void aLinkRemovedBeforeThePolicySawThePostWithdrawsItsCopyUnqueued() {
        policy.on(published(Visibility.PUBLIC, MASTODON));
        assertThat(queue.enqueued).isEmpty();
        assertThat(commands).hasSize(2).last().isInstanceOf(WithdrawCrossPostCommand.class);
    }

    @Test
    void anEditRewritesTheCopiesNotYetSent() {
        policy.on(new PostEditedEvent("post-1", "account-1", "de", true, AT, new PostContent("Hallo", "cw")));
        assertThat(queue.rewritten).containsExactly("post-1:Hallo:cw:de");
    }

    @Test
    void aDeletionRequestForALinkedCopyTurnsItsQueueRowTowardsDeletion() {
        String copyId = CopyIds.of("post-1", MASTODON);
        queue.known.add(copyId);
        policy.on(new RemoteDeletionRequestedEvent(copyId, "post-1", "account-1", MASTODON,
                DeletionReason.POST_DELETED, AT));
        assertThat(queue.deletions).containsExactly(copyId + ":POST_DELETED");
        assertThat(commands).isEmpty();
    }

    @Test
    void aDeletionRequestForACopyNeverQueuedEndsAtOnceWithNothingToDelete() {
        String copyId = CopyIds.of("post-1", MASTODON);
        policy.on(new RemoteDeletionRequestedEvent(copyId, "post-1", "account-1", MASTODON,
                DeletionReason.POST_DELETED, AT));
        assertThat(commands).singleElement().isInstanceOfSatisfying(RecordRemoteDeletionOutcomeCommand.class, c -> {
            assertThat(c.outcome()).isEqualTo(DeletionOutcome.ABANDONED);
            assertThat(c.reason()).startsWith("never published on mastodon");
        });
    }

    @Test
    void aDeletionRequestForAServerCopyIsNotThisPolicys() {
        Destination server = Destination.server("remote.example");
        policy.on(new RemoteDeletionRequestedEvent(CopyIds.of("post-1", server), "post-1", "account-1", server,
                DeletionReason.POST_DELETED, AT));
        assertThat(queue.deletions).isEmpty();
        assertThat(commands).isEmpty();
    }

    @Test
    void unlinkingWithDeleteCopiesAsksForEachPublishedCopyToBeDeleted() {
        queue.published.addAll(List.of("copy-a", "copy-b"));
        queue.unsent.addAll(List.of("copy-b", "copy-c"));
        policy.on(new ExternalAccountUnlinkedEvent("account-1", "link-m", Platform.MASTODON, AT, true));
        assertThat(commands).containsExactly(
                new RequestRemoteDeletionCommand("copy-a", DeletionReason.LINK_REMOVED, AT),
                new RequestRemoteDeletionCommand("copy-b", DeletionReason.LINK_REMOVED, AT),
                new WithdrawCrossPostCommand("copy-c", "the link was removed", AT));
        assertThat(queue.withdrawn).containsExactly("copy-c");
    }

    @Test
    void unlinkingAloneWithdrawsWhatWasNotSentAndLeavesPublishedCopiesThere() {
        queue.published.add("copy-a");
        queue.unsent.add("copy-c");
        policy.on(new ExternalAccountUnlinkedEvent("account-1", "link-m", Platform.MASTODON, AT, null));
        assertThat(commands).containsExactly(new WithdrawCrossPostCommand("copy-c", "the link was removed", AT));
    }

    @Test
    void freshCredentialsResumeEveryHeldCopyOfTheLink() {
        queue.held.addAll(List.of("copy-a", "copy-b"));
        policy.on(new ExternalAccountReauthorizedEvent("account-1", "link-m", Platform.MASTODON, AT));
        assertThat(commands).containsExactly(new ResumeCrossPostCommand("copy-a", AT),
                new ResumeCrossPostCommand("copy-b", AT));
        assertThat(queue.resumed).containsExactly("copy-a", "copy-b");
    }

    @Test
    void aRetryTheAuthorAskedForPutsTheCopyBackInTheQueue() {
        policy.on(new CrossPostRetryRequestedEvent("copy-a", "post-1", "account-1", MASTODON, AT));
        assertThat(queue.retried).containsExactly("copy-a");
    }

    private static PostPublishedEvent published(Visibility visibility, Destination... targets) {
        List<CrossPostTarget> chosen = java.util.Arrays.stream(targets)
                .map(d -> new CrossPostTarget(d.key(), d.platform())).toList();
        return new PostPublishedEvent("post-1", "account-1", visibility, "en", chosen, false, "2026-11", AT,
                new PostContent("Hello #weft", null));
    }

    private static LinkView link(String id, String platform) {
        return new LinkView(id, platform, "alice", "https://" + id + ".example", "remote-" + id, "Alice", true,
                "refuse", LinkView.ACTIVE, null, null, AT);
    }

    private final class Links implements LinkDirectory {
        @Override
        public List<LinkView> linksOf(String accountId) {
            return List.copyOf(links.values());
        }

        @Override
        public Optional<LinkView> findLink(String linkId) {
            return Optional.ofNullable(links.get(linkId));
        }
    }

    private static final class RecordingQueue implements CrossPostQueue {
        final List<QueuedCrossPost> enqueued = new ArrayList<>();
        final List<String> rewritten = new ArrayList<>();
        final List<String> deletions = new ArrayList<>();
        final List<String> known = new ArrayList<>();
        final List<String> published = new ArrayList<>();
        final List<String> unsent = new ArrayList<>();
        final List<String> held = new ArrayList<>();
        final List<String> withdrawn = new ArrayList<>();
        final List<String> resumed = new ArrayList<>();
        final List<String> retried = new ArrayList<>();

        @Override
        public void enqueue(QueuedCrossPost copy) {
            enqueued.add(copy);
        }

        @Override
        public void rewriteUnsent(String postId, String text, String contentWarning, String language) {
            rewritten.add(postId + ":" + text + ":" + contentWarning + ":" + language);
        }

        @Override
        public boolean requestDeletion(String copyId, DeletionReason reason, Instant at) {
            deletions.add(copyId + ":" + reason);
            return known.contains(copyId);
        }

        @Override
        public List<String> unsentCopiesOfLink(String linkId) {
            return unsent;
        }

        @Override
        public List<String> publishedCopiesOfLink(String linkId) {
            return published;
        }

        @Override
        public List<String> heldCopiesOfLink(String linkId) {
            return held;
        }

        @Override
        public void withdraw(String copyId, String reason, Instant at) {
            withdrawn.add(copyId);
        }

        @Override
        public void resume(String copyId, Instant at) {
            resumed.add(copyId);
        }

        @Override
        public void retry(String copyId, Instant at) {
            retried.add(copyId);
        }
    }
}
