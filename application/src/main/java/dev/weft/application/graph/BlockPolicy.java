package dev.weft.application.graph;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.application.shared.PolicyCommands;
import dev.weft.domain.graph.FollowIds;
import dev.weft.domain.graph.RejectRemoteFollowCommand;
import dev.weft.domain.graph.RemoteActorBlockedEvent;
import dev.weft.domain.graph.RemoteDomainBlockedEvent;
import dev.weft.domain.graph.UnfollowRemoteActorCommand;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A block ends the relationship both ways, as on Mastodon: the blocked follower is removed
 * and the account stops following them. Runs after the follower projection in its group,
 * so it reads followers as of this very event.
 */
@Component
@ProcessingGroup(ProcessingGroups.FOLLOWERS)
@Order(100)
public class BlockPolicy {
    private static final String NAME = "block-policy";
    private final PolicyCommands commands;
    private final GraphReader graph;

    public BlockPolicy(PolicyCommands commands, GraphReader graph) {
        this.commands = commands;
        this.graph = graph;
    }

    @EventHandler
    void on(RemoteActorBlockedEvent event) {
        removeFollower(event.accountId(), event.actor().actorId(), event);
        commands.send(NAME, new UnfollowRemoteActorCommand(
                FollowIds.outgoing(event.accountId(), event.actor().actorId()), event.blockedAt()));
    }

    @EventHandler
    void on(RemoteDomainBlockedEvent event) {
        for (String actorId : graph.followersOnDomain(event.accountId(), event.domain())) {
            commands.send(NAME, new RejectRemoteFollowCommand(FollowIds.incoming(event.accountId(), actorId),
                    "domain blocked", event.blockedAt()));
        }
        for (String actorId : graph.followingOnDomain(event.accountId(), event.domain())) {
            commands.send(NAME, new UnfollowRemoteActorCommand(FollowIds.outgoing(event.accountId(), actorId),
                    event.blockedAt()));
        }
    }

    private void removeFollower(String accountId, String actorId, RemoteActorBlockedEvent event) {
        commands.send(NAME, new RejectRemoteFollowCommand(FollowIds.incoming(accountId, actorId), "blocked",
                event.blockedAt()));
    }
}
