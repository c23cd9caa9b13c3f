package dev.weft.application.federation.inbox;

import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.activitystreams.JsonLd;
import dev.weft.application.federation.remote.RemoteActorProfile;
import dev.weft.application.federation.remote.RemoteActors;
import dev.weft.application.graph.FollowingCommands;
import dev.weft.application.graph.GraphReader;
import dev.weft.application.graph.IncomingFollows;
import dev.weft.domain.graph.FollowDecision;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Follows of local accounts, answers to their own follows, and blocks by remote actors. */
@Component
public class FollowActivities {
    private final IncomingFollows incoming;
    private final FollowingCommands following;
    private final GraphReader graph;
    private final RemoteActors remoteActors;
    private final AccountDirectory accounts;
    private final FederationUrls urls;

    public FollowActivities(IncomingFollows incoming, FollowingCommands following, GraphReader graph,
                            RemoteActors remoteActors, AccountDirectory accounts, FederationUrls urls) {
        this.incoming = incoming;
        this.following = following;
        this.graph = graph;
        this.remoteActors = remoteActors;
        this.accounts = accounts;
        this.urls = urls;
    }

    /** The account decides; the Accept or Reject goes out from the event that records it. */
    public String follow(InboxActivity follow, String accountId) {
        if (accountId == null) {
            return "ignored: " + follow.objectId() + " is not an actor of this server";
        }
        RemoteActorProfile follower = remoteActors.find(follow.actorId()).orElseThrow(() ->
                new RemoteFetchFailedException("the follower " + follow.actorId() + " could not be fetched"));
        FollowDecision decision = incoming.receive(accountId, follower.id(), follower.inbox(), follower.sharedInbox(),
                follow.id());
        return decision.accepted() ? "follow accepted" : "follow rejected: " + decision.reason();
    }

    public String undoFollow(String actorId, String followedActorId, String recipient) {
        String accountId = localAccount(followedActorId).orElse(recipient);
        if (accountId == null) {
            return "ignored: the follow was not of a local actor";
        }
        incoming.undo(accountId, actorId);
        return "follow undone";
    }

    public String accepted(InboxActivity accept) {
        Optional<String> accountId = accountOfOwnFollow(accept);
        if (accountId.isEmpty()) {
            return "ignored: " + accept.objectId() + " is not a follow sent from here";
        }
        following.recordAccepted(accountId.get(), accept.actorId());
        return "follow of " + accept.actorId() + " accepted";
    }

    public String rejected(InboxActivity reject) {
        Optional<String> accountId = accountOfOwnFollow(reject);
        if (accountId.isEmpty()) {
            return "ignored: " + reject.objectId() + " is not a follow sent from here";
        }
        following.recordRejected(accountId.get(), reject.actorId());
        return "follow of " + reject.actorId() + " rejected";
    }

    /** Mastodon's meaning: a block ends the follows both ways. */
    public String blocked(InboxActivity block, String accountId) {
        if (accountId == null) {
            return "ignored: the block is not of a local actor";
        }
        incoming.undo(accountId, block.actorId());
        if (graph.accountsFollowing(block.actorId()).contains(accountId)) {
            following.unfollow(accountId, block.actorId());
        }
        return "blocked by " + block.actorId() + ": follows ended";
    }

    /** The Follow answered is embedded (its actor is ours) or named by the id Weft gave it. */
    private Optional<String> accountOfOwnFollow(InboxActivity answer) {
        if (answer.object() != null) {
            Optional<String> byActor = JsonLd.id(answer.object(), "actor").flatMap(this::localAccount);
            if (byActor.isPresent()) {
                return byActor;
            }
        }
        String prefix = urls.followActivity("");
        String followId = answer.objectId();
        if (followId == null || !followId.startsWith(prefix)) {
            return Optional.empty();
        }
        return graph.accountOfFollowing(followId.substring(prefix.length()));
    }

    private Optional<String> localAccount(String actorId) {
        if (actorId == null) {
            return Optional.empty();
        }
        return urls.handleOfActor(actorId).flatMap(accounts::findByHandle).map(AccountView::id);
    }
}
