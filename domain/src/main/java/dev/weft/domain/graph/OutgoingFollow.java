package dev.weft.domain.graph;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.RemoteActor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** A local account following a remote actor. */
public class OutgoingFollow {
    @AggregateIdentifier
    private String followingId;
    private String accountId;
    private RemoteActor actor;
    private FollowState state;

    protected OutgoingFollow() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FollowRemoteActorCommand command) {
        if (state != null && state.active()) {
            return;
        }
        RemoteActor target = RemoteActor.of(command.actorId());
        apply(new RemoteActorFollowRequestedEvent(command.followingId(), command.accountId(), command.at(),
                new FollowerEndpoints(target, command.inbox(), null)));
    }

    @CommandHandler
    public void handle(RecordFollowAcceptedCommand command) {
        if (state == FollowState.ACCEPTED) {
            return;
        }
        requireRequested("accepted");
        apply(new RemoteActorFollowAcceptedEvent(followingId, accountId, command.at(), actor));
    }

    @CommandHandler
    public void handle(RecordFollowRejectedCommand command) {
        if (!state.active()) {
            throw new ConflictException("followingId", "this follow is " + state + " and cannot be rejected");
        }
        apply(new RemoteActorFollowRejectedEvent(followingId, accountId, command.at(), actor));
    }

    @CommandHandler
    public void handle(UnfollowRemoteActorCommand command) {
        if (state.active()) {
            apply(new RemoteActorUnfollowedEvent(followingId, accountId, command.at(), actor));
        }
    }

    private void requireRequested(String outcome) {
        if (state != FollowState.REQUESTED) {
            throw new ConflictException("followingId", "only a requested follow can be " + outcome
                    + "; this one is " + state);
        }
    }

    @EventSourcingHandler
    void on(RemoteActorFollowRequestedEvent event) {
        followingId = event.followingId();
        accountId = event.accountId();
        actor = event.target().actor();
        state = FollowState.REQUESTED;
    }

    @EventSourcingHandler
    void on(RemoteActorFollowAcceptedEvent event) {
        state = FollowState.ACCEPTED;
    }

    @EventSourcingHandler
    void on(RemoteActorFollowRejectedEvent event) {
        state = FollowState.REJECTED;
    }

    @EventSourcingHandler
    void on(RemoteActorUnfollowedEvent event) {
        state = FollowState.UNDONE;
    }
}
