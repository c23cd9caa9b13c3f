package dev.weft.application.distribution;

import dev.weft.application.distribution.CopyReader.PostSharing;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.shared.PolicyCommands;
import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.HoldingChannel;
import dev.weft.domain.distribution.RecordRemoteHolderCommand;
import dev.weft.domain.engagement.RemoteLikeRecordedEvent;
import dev.weft.domain.engagement.RemoteReplyRecordedEvent;
import dev.weft.domain.engagement.RemoteRepostRecordedEvent;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A server whose people liked, reposted or replied to a shared post holds it, though Weft
 * may never have sent it there: recording it as a holder gives it a copy, so turning
 * sharing off and deleting the post or the account ask it to delete like every other. It
 * reads the post's row as of the engagement, which the projection before it has written.
 */
@Component
@ProcessingGroup(ProcessingGroups.SHARING_STATUS)
@Order(50)
public class RemoteHolderPolicy {
    private static final String NAME = "remote-holder-policy";
    private final PolicyCommands commands;
    private final CopyReader copies;
    private final FederationUrls urls;

    public RemoteHolderPolicy(PolicyCommands commands, CopyReader copies, FederationUrls urls) {
        this.commands = commands;
        this.copies = copies;
        this.urls = urls;
    }

    @EventHandler
    void on(RemoteLikeRecordedEvent event) {
        engaged(event.postId(), event.actor(), event.likedAt());
    }

    @EventHandler
    void on(RemoteRepostRecordedEvent event) {
        engaged(event.postId(), event.actor(), event.repostedAt());
    }

    @EventHandler
    void on(RemoteReplyRecordedEvent event) {
        engaged(event.postId(), event.actor(), event.repliedAt());
    }

    /** A post never shared with the fediverse went nowhere through it; a deleted one was recalled already. */
    private void engaged(String postId, RemoteActor actor, Instant at) {
        if (urls.isLocal(actor.actorId())) {
            return;
        }
        copies.sharingOf(postId).filter(PostSharing::sharedToFediverse).filter(post -> !post.deleted())
                .ifPresent(post -> record(postId, post, actor, at));
    }

    /** A server the post was delivered to holds it already, and its first disclosure is on record. */
    private void record(String postId, PostSharing post, RemoteActor actor, Instant at) {
        Destination server = Destination.server(actor.host());
        if (copies.delivered(CopyIds.of(postId, server))) {
            return;
        }
        commands.send(NAME, new RecordRemoteHolderCommand(CopyIds.of(postId, server), postId, post.accountId(),
                server, HoldingChannel.ENGAGEMENT, actor.actorId(), post.consentVersion(), at));
    }
}
