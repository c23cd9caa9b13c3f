package dev.weft.application.federation.inbox;

import dev.weft.application.engagement.EngagementReader;
import dev.weft.application.engagement.EngagementRecorder;
import dev.weft.application.federation.activitystreams.JsonLd;
import dev.weft.application.federation.remote.RemoteActorProfile;
import dev.weft.application.federation.remote.RemoteActors;
import dev.weft.application.graph.FollowingCommands;
import dev.weft.application.graph.GraphReader;
import dev.weft.application.graph.IncomingFollows;
import dev.weft.application.remotepeople.RemotePeople;
import dev.weft.application.timelines.RemotePosts;
import dev.weft.application.timelines.TimelineReader;
import java.util.List;
import org.springframework.stereotype.Component;

/** Remote actors changing, moving or leaving. */
@Component
public class ActorActivities {
    private final RemoteActors remoteActors;
    private final GraphReader graph;
    private final EngagementReader engagementReader;
    private final EngagementRecorder engagement;
    private final IncomingFollows incoming;
    private final FollowingCommands following;
    private final TimelineReader timelines;
    private final RemotePosts remotePosts;
    private final RemotePeople people;

    public ActorActivities(RemoteActors remoteActors, GraphReader graph, EngagementReader engagementReader,
                           EngagementRecorder engagement, IncomingFollows incoming, FollowingCommands following,
                           TimelineReader timelines, RemotePosts remotePosts,
                           RemotePeople people) {
        this.remoteActors = remoteActors;
        this.graph = graph;
        this.engagementReader = engagementReader;
        this.engagement = engagement;
        this.incoming = incoming;
        this.following = following;
        this.timelines = timelines;
        this.remotePosts = remotePosts;
        this.people = people;
    }

    public String updated(InboxActivity update) {
        remoteActors.refresh(update.actorId());
        return "actor refreshed";
    }

    /**
     * A deleted actor's follows, likes, reposts, replies and posts go with it, as Mastodon
     * removes a deleted account's statuses: home timelines stop showing them and their text
     * leaves the read model. Then the person is erased: what Weft sealed under their key
     * becomes unreadable everywhere.
     */
    public String deleted(InboxActivity delete) {
        String actorId = delete.actorId();
        List<String> followed = graph.accountsFollowedBy(actorId);
        followed.forEach(accountId -> incoming.undo(accountId, actorId));
        List<String> liked = engagementReader.postsLikedBy(actorId);
        liked.forEach(postId -> engagement.unlike(postId, actorId, delete.id()));
        List<String> reposted = engagementReader.postsRepostedBy(actorId);
        reposted.forEach(postId -> engagement.undoRepost(postId, actorId, delete.id()));
        List<EngagementReader.Reply> replies = engagementReader.repliesBy(actorId);
        replies.forEach(reply -> engagement.removeReply(reply.postId(), actorId, reply.replyId()));
        List<String> posts = timelines.liveRemotePostsBy(actorId);
        posts.forEach(objectId -> remotePosts.delete(objectId, actorId));
        String erasure = people.erase(actorId);
        return "actor deleted: " + followed.size() + " follows, " + liked.size() + " likes, " + reposted.size()
                + " reposts, " + replies.size() + " replies and " + posts.size() + " posts dropped; " + erasure;
    }

    /**
     * Local accounts following the old actor follow the new one, but only when the new actor
     * names the old one in alsoKnownAs: a move needs the consent of both ends.
     */
    public String moved(InboxActivity move) {
        String oldActor = move.actorId();
        if (!oldActor.equals(move.objectId())) {
            return "ignored: an actor can only move itself";
        }
        String target = JsonLd.id(move.document(), "target").orElse(null);
        if (target == null) {
            return "ignored: the move names no target";
        }
        RemoteActorProfile newActor = remoteActors.refresh(target).orElseThrow(() ->
                new RemoteFetchFailedException("the move target " + target + " could not be fetched"));
        if (!newActor.alsoKnownAs().contains(oldActor)) {
            return "ignored: " + target + " does not name " + oldActor + " in alsoKnownAs";
        }
        List<String> followers = graph.accountsFollowing(oldActor);
        for (String accountId : followers) {
            following.unfollow(accountId, oldActor);
            following.follow(accountId, newActor.id(), newActor.inbox());
        }
        return "moved to " + target + ": " + followers.size() + " local follows carried over";
    }
}
