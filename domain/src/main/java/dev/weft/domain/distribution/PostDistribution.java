package dev.weft.domain.distribution;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.weft.domain.shared.Batches;
import dev.weft.domain.shared.DerivedIds;
import dev.weft.domain.shared.InvalidValueException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A post's distribution to fediverse servers: one command schedules the copies to every
 * server with a follower, stored as a few events of up to BATCH servers each rather than
 * one aggregate and one event per server. Each copy keeps its own stream for what happens
 * to it later (the request to delete it); it begins there with the deletion request, which
 * names the copy in full.
 */
public class PostDistribution {
    /** Servers per event: a 10,000-server fan-out is 20 events. */
    public static final int BATCH = 500;

    @AggregateIdentifier
    private String distributionId;
    private boolean scheduled;

    protected PostDistribution() {
    }

    public static String idOf(String postId) {
        return DerivedIds.of("post-distribution", postId);
    }

    /** A post is distributed once: a second schedule (a redelivered event) is absorbed. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ScheduleServerCopiesCommand command) {
        RequiredText.require("postId", command.postId());
        RequiredText.require("accountId", command.accountId());
        if (!idOf(command.postId()).equals(command.distributionId())) {
            throw new InvalidValueException("distributionId", "distribution " + command.distributionId()
                    + " is not post " + command.postId() + "'s");
        }
        List<ScheduledCopy> copies = copiesOf(command);
        if (scheduled || copies.isEmpty()) {
            return;
        }
        for (List<ScheduledCopy> batch : Batches.of(copies, BATCH)) {
            apply(new PostCopiesScheduledEvent(command.distributionId(), command.postId(), command.accountId(),
                    batch, command.consentVersion(), command.at()));
        }
    }

    private static List<ScheduledCopy> copiesOf(ScheduleServerCopiesCommand command) {
        if (command.servers() == null) {
            throw new InvalidValueException("servers", "the servers to schedule are required");
        }
        Set<Destination> servers = new LinkedHashSet<>();
        for (Destination server : command.servers()) {
            if (server == null || server.kind() != Destination.Kind.FEDIVERSE_SERVER) {
                throw new InvalidValueException("servers", "a distribution schedules copies to fediverse servers "
                        + "only, not " + server);
            }
            servers.add(server);
        }
        return servers.stream().map(server -> ScheduledCopy.of(command.postId(), server)).toList();
    }

    @EventSourcingHandler
    void on(PostCopiesScheduledEvent event) {
        distributionId = event.distributionId();
        scheduled = true;
    }
}
