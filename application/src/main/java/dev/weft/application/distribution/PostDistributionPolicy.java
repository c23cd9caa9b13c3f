package dev.weft.application.distribution;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.application.graph.GraphReader;
import dev.weft.application.shared.PolicyCommands;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.PostDistribution;
import dev.weft.domain.distribution.ScheduleServerCopiesCommand;
import dev.weft.domain.posts.PostPublishedEvent;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Decides which servers get a copy of a new post: each with a follower, when the post is
 * shared. It sits in the followers group so the follower set it reads is the one in force
 * when the post was published. Copies to linked accounts are the cross-post policy's.
 */
@Component
@ProcessingGroup(ProcessingGroups.FOLLOWERS)
@Order(100)
public class PostDistributionPolicy {
    private static final String NAME = "distribution-policy";
    private final PolicyCommands commands;
    private final GraphReader graph;

    public PostDistributionPolicy(PolicyCommands commands, GraphReader graph) {
        this.commands = commands;
        this.graph = graph;
    }

    /** One command for every server: the distribution stores them as a few events, not one per server. */
    @EventHandler
    void on(PostPublishedEvent event) {
        if (!event.sharedToFediverse()) {
            return;
        }
        List<Destination> servers = graph.followerServers(event.accountId()).stream().map(Destination::server)
                .toList();
        if (!servers.isEmpty()) {
            commands.send(NAME, new ScheduleServerCopiesCommand(PostDistribution.idOf(event.postId()),
                    event.postId(), event.accountId(), servers, event.consentVersion(), event.publishedAt()));
        }
    }
}
