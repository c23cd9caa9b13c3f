package dev.weft.domain.graph;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.RemoteActor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** A remote actor following a local account. */
public class IncomingFollow {
    @AggregateIdentifier
    private String followId;
    private String accountId;
    private RemoteActor actor;
    private FollowState state;

    protected IncomingFollow() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RequestRemoteFollowCommand command) {
        if (state != null && state.active()) {
            return;
        }
        RemoteActor follower = RemoteActor.of(command.actorId());
        apply(new RemoteFollowRequestedEvent(command.followId(), command.accountId(), command.activityId(),
                command.at(), new FollowerEndpoints(follower, command.inbox(), command.sharedInbox())));
    }

    @CommandHandler
    public void handle(AcceptRemoteFollowCommand command) {
        if (state == FollowState.ACCEPTED) {
            return;
        }
        if (state != FollowState.REQUESTED) {
            throw new ConflictException("followId", "only a requested follow can be accepted; this one is " + state);
        }
        apply(new RemoteFollowAcceptedEvent(followId, accountId, command.at(), actor));
    }

    @CommandHandler
    public void handle(RejectRemoteFollowCommand command) {
        if (!state.active()) {
            throw new ConflictException("followId", "only a requested or accepted follow can be rejected; this one is "
                    + state);
        }
        apply(new RemoteFollowRejectedEvent(followId, accountId, command.reason(), command.at(), actor));
    }

    @CommandHandler
    public void handle(UndoRemoteFollowCommand command) {
        if (state.active()) {
            apply(new RemoteFollowUndoneEvent(followId, accountId, command.at(), actor));
        }
    }

    @EventSourcingHandler
    void on(RemoteFollowRequestedEvent event) {
        followId = event.followId();
        accountId = event.accountId();
        actor = event.follower().actor();
        state = FollowState.REQUESTED;
    }

    @EventSourcingHandler
    void on(RemoteFollowAcceptedEvent event) {
        state = FollowState.ACCEPTED;
    }

    @EventSourcingHandler
    void on(RemoteFollowRejectedEvent event) {
        state = FollowState.REJECTED;
    }

    @EventSourcingHandler
    void on(RemoteFollowUndoneEvent event) {
        state = FollowState.UNDONE;
    }
}
