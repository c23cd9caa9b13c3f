package dev.weft.application.federation.outbound;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.application.federation.delivery.DeliveryPurpose;
import dev.weft.application.federation.documents.ActivityDocuments;
import dev.weft.application.graph.GraphReader;
import dev.weft.application.graph.IncomingFollowView;
import dev.weft.application.shared.Clock;
import dev.weft.domain.accounts.AccountDeletedEvent;
import dev.weft.domain.graph.RemoteActorFollowRequestedEvent;
import dev.weft.domain.graph.RemoteActorUnfollowedEvent;
import dev.weft.domain.graph.RemoteFollowAcceptedEvent;
import dev.weft.domain.graph.RemoteFollowRejectedEvent;
import dev.weft.domain.shared.RemoteActor;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tells remote servers what became of follows: Accept or Reject to a follower, Follow and
 * Undo(Follow) for the account's own follows, and Delete(Person) to every follower's server
 * when the account is deleted. It reads the follower rows its group's projection has just
 * written, so the Follow id an Accept must name is there.
 */
@Component
@ProcessingGroup(ProcessingGroups.FOLLOWERS)
@Order(200)
public class FollowFederationPolicy {
    private final OutboundActivities outbound;
    private final ActivityDocuments documents;
    private final GraphReader graph;
    private final Clock clock;

    public FollowFederationPolicy(OutboundActivities outbound, ActivityDocuments documents, GraphReader graph,
                                  Clock clock) {
        this.outbound = outbound;
        this.documents = documents;
        this.graph = graph;
        this.clock = clock;
    }

    @EventHandler
    void on(RemoteFollowAcceptedEvent event) {
        answer(event.followId(), event.accountId(), DeliveryPurpose.FOLLOW_ACCEPT);
    }

    @EventHandler
    void on(RemoteFollowRejectedEvent event) {
        answer(event.followId(), event.accountId(), DeliveryPurpose.FOLLOW_REJECT);
    }

    @EventHandler
    void on(RemoteActorFollowRequestedEvent event) {
        RemoteActor target = event.target().actor();
        String inbox = event.target().inbox();
        outbound.handleOf(event.accountId()).filter(h -> inbox != null).ifPresent(handle -> outbound.send(event.accountId(),
                DeliveryPurpose.FOLLOW, documents.follow(handle, event.followingId(), target.actorId()),
                List.of(new OutboundActivities.Target(inbox, target.host(), null)), clock.now()));
    }

    @EventHandler
    void on(RemoteActorUnfollowedEvent event) {
        Optional<String> inbox = graph.followingInbox(event.followingId());
        Optional<String> handle = outbound.handleOf(event.accountId());
        if (inbox.isPresent() && handle.isPresent()) {
            outbound.send(event.accountId(), DeliveryPurpose.UNDO_FOLLOW,
                    documents.undoFollow(handle.get(), event.followingId(), event.actor().actorId()),
                    List.of(new OutboundActivities.Target(inbox.get(), event.actor().host(), null)), clock.now());
        }
    }

    @EventHandler
    void on(AccountDeletedEvent event) {
        outbound.handleOf(event.accountId()).ifPresent(handle -> outbound.toFollowers(event.accountId(),
                DeliveryPurpose.ACTOR_DELETE, documents.deleteActor(handle, event.deletedAt())));
    }

    private void answer(String followId, String accountId, DeliveryPurpose purpose) {
        Optional<IncomingFollowView> follow = graph.incomingFollow(followId);
        Optional<String> handle = outbound.handleOf(accountId);
        if (follow.isEmpty() || handle.isEmpty() || follow.get().activityId() == null) {
            return;
        }
        IncomingFollowView f = follow.get();
        String inbox = f.inbox() != null ? f.inbox() : f.sharedInbox();
        var activity = purpose == DeliveryPurpose.FOLLOW_ACCEPT
                ? documents.accept(handle.get(), followId, f.activityId(), f.actorId())
                : documents.reject(handle.get(), followId, f.activityId(), f.actorId());
        outbound.send(accountId, purpose, activity, List.of(new OutboundActivities.Target(inbox, f.host(), null)),
                clock.now());
    }

}
