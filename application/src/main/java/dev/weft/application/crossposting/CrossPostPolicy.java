package dev.weft.application.crossposting;

import dev.weft.application.crossposting.formatting.PostDraft;
import dev.weft.application.crossposting.platforms.LinkTarget;
import dev.weft.application.links.LinkDirectory;
import dev.weft.application.links.LinkView;
import dev.weft.application.shared.PolicyCommands;
import dev.weft.application.shared.ProcessingGroups;
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
import dev.weft.domain.posts.PostEditedEvent;
import dev.weft.domain.posts.PostPublishedEvent;
import dev.weft.domain.posts.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Queues, rewrites, recalls, withdraws and resumes copies to linked accounts. All of a
 * copy's facts reach it in one group, in the account's order, so a deletion is never
 * queued before the copy it deletes; it runs after the sharing-status projection, whose
 * copies the deletion policy reads.
 */
@Component
@ProcessingGroup(ProcessingGroups.SHARING_STATUS)
@Order(300)
public class CrossPostPolicy {
    private static final String NAME = "cross-post-policy";
    private final PolicyCommands commands;
    private final CrossPostQueue queue;
    private final LinkDirectory links;
    private final WeftSettings settings;

    public CrossPostPolicy(PolicyCommands commands, CrossPostQueue queue, LinkDirectory links, WeftSettings settings) {
        this.commands = commands;
        this.queue = queue;
        this.links = links;
        this.settings = settings;
    }

    @EventHandler
    void on(PostPublishedEvent event) {
        for (CrossPostTarget target : event.crossPostTo()) {
            Destination destination = Destination.linkedAccount(target.linkId(), target.platform());
            String copyId = CopyIds.of(event.postId(), destination);
            commands.send(NAME, new ScheduleCopyCommand(copyId, event.postId(), event.accountId(), destination,
                    event.consentVersion(), event.publishedAt()));
            queueOrWithdraw(event, copyId, links.findLink(target.linkId()));
        }
    }

    /** The directory is current, not as of the event: a link gone by now was unlinked after the post. */
    private void queueOrWithdraw(PostPublishedEvent event, String copyId, Optional<LinkView> link) {
        if (link.isEmpty()) {
            commands.send(NAME, new WithdrawCrossPostCommand(copyId, "the link was removed before the copy was sent",
                    event.publishedAt()));
            return;
        }
        queue.enqueue(new QueuedCrossPost(copyId, event.accountId(), event.postId(), target(link.get()),
                draft(event.postId(), event.content().text(), event.content().contentWarning(), event.language(),
                        event.visibility()), event.visibility().wireName(), event.publishedAt()));
    }

    @EventHandler
    void on(PostEditedEvent event) {
        queue.rewriteUnsent(event.postId(), event.content().text(), event.content().contentWarning(),
                event.language());
    }

    @EventHandler
    void on(RemoteDeletionRequestedEvent event) {
        if (event.destination().kind() != Destination.Kind.LINKED_ACCOUNT) {
            return;
        }
        if (!queue.requestDeletion(event.copyId(), event.reason(), event.requestedAt())) {
            commands.send(NAME, new RecordRemoteDeletionOutcomeCommand(event.copyId(), DeletionOutcome.ABANDONED,
                    CrossPostRemover.NEVER_PUBLISHED + " on " + event.destination().platform().wireName()
                            + ": nothing to delete", event.requestedAt()));
        }
    }

    @EventHandler
    void on(ExternalAccountUnlinkedEvent event) {
        Instant at = event.unlinkedAt();
        List<String> toDelete = event.copiesToDelete() ? queue.publishedCopiesOfLink(event.linkId()) : List.of();
        toDelete.forEach(copyId -> commands.send(NAME,
                new RequestRemoteDeletionCommand(copyId, DeletionReason.LINK_REMOVED, at)));
        for (String copyId : queue.unsentCopiesOfLink(event.linkId())) {
            if (toDelete.contains(copyId)) {
                continue;
            }
            commands.send(NAME, new WithdrawCrossPostCommand(copyId, "the link was removed", at));
            queue.withdraw(copyId, "the link was removed", at);
        }
    }

    @EventHandler
    void on(ExternalAccountReauthorizedEvent event) {
        for (String copyId : queue.heldCopiesOfLink(event.linkId())) {
            commands.send(NAME, new ResumeCrossPostCommand(copyId, event.reauthorizedAt()));
            queue.resume(copyId, event.reauthorizedAt());
        }
    }

    @EventHandler
    void on(CrossPostRetryRequestedEvent event) {
        queue.retry(event.copyId(), event.requestedAt());
    }

    private static LinkTarget target(LinkView link) {
        return new LinkTarget(link.id(), Platform.fromWireName(link.platform()), link.instanceUrl(),
                link.remoteAccountId(), link.externalAccountId());
    }

    /** Only a public post links back to its original: a followers-only one has no public page. */
    private PostDraft draft(String postId, String text, String contentWarning, String language,
                            Visibility visibility) {
        String original = visibility == Visibility.PUBLIC ? settings.postUrl(postId) : null;
        return new PostDraft(text, contentWarning, language, original);
    }
}
