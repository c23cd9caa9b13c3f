package dev.weft.application.graph;

import dev.weft.application.federation.remote.RemoteActorProfile;
import dev.weft.application.federation.remote.RemoteActors;
import dev.weft.application.shared.Clock;
import dev.weft.application.shared.NotFoundException;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.graph.FollowIds;
import dev.weft.domain.graph.FollowRemoteActorCommand;
import dev.weft.domain.graph.RecordFollowAcceptedCommand;
import dev.weft.domain.graph.RecordFollowRejectedCommand;
import dev.weft.domain.graph.UnfollowRemoteActorCommand;
import dev.weft.domain.shared.RemoteActor;
import org.springframework.stereotype.Service;

/** A local account following remote actors. */
@Service
public class FollowingCommands {
    private final CommandSender commands;
    private final RemoteActors remoteActors;
    private final Clock clock;

    public FollowingCommands(CommandSender commands, RemoteActors remoteActors, Clock clock) {
        this.commands = commands;
        this.remoteActors = remoteActors;
        this.clock = clock;
    }

    /** Without an inbox the actor's document is fetched for it, so the Follow can be delivered. */
    public String follow(String accountId, String actorId, String inbox) {
        RemoteActor actor = RemoteActor.of(actorId);
        if (inbox == null || inbox.isBlank()) {
            inbox = remoteActors.find(actor.actorId()).map(RemoteActorProfile::inbox).orElseThrow(() ->
                    new NotFoundException("actorId", "the actor " + actorId + " could not be fetched"));
        }
        String followingId = FollowIds.outgoing(accountId, actor.actorId());
        commands.send(new FollowRemoteActorCommand(followingId, accountId, actor.actorId(), inbox, clock.now()));
        return followingId;
    }

    public void unfollow(String accountId, String actorId) {
        commands.send(new UnfollowRemoteActorCommand(FollowIds.outgoing(accountId, actorId), clock.now()));
    }

    public void recordAccepted(String accountId, String actorId) {
        commands.send(new RecordFollowAcceptedCommand(FollowIds.outgoing(accountId, actorId), clock.now()));
    }

    public void recordRejected(String accountId, String actorId) {
        commands.send(new RecordFollowRejectedCommand(FollowIds.outgoing(accountId, actorId), clock.now()));
    }
}
