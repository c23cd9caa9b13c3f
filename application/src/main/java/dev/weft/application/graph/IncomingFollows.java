package dev.weft.application.graph;

import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.graph.AcceptRemoteFollowCommand;
import dev.weft.domain.accounts.EvaluateFollowRequestCommand;
import dev.weft.domain.graph.FollowDecision;
import dev.weft.domain.graph.FollowIds;
import dev.weft.domain.graph.RejectRemoteFollowCommand;
import dev.weft.domain.graph.RequestRemoteFollowCommand;
import dev.weft.domain.graph.UndoRemoteFollowCommand;
import dev.weft.domain.shared.RemoteActor;
import org.springframework.stereotype.Service;

/**
 * Remote actors following local accounts: the request is recorded, then decided by the
 * account, each step committed on its own. A crash between them leaves the follow
 * requested; the remote server's redelivery records nothing new and decides again.
 */
@Service
public class IncomingFollows {
    private final CommandSender commands;
    private final Clock clock;

    public IncomingFollows(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public FollowDecision receive(String accountId, String actorId, String inbox, String sharedInbox,
                                  String activityId) {
        String followId = FollowIds.incoming(accountId, RemoteActor.of(actorId).actorId());
        commands.send(new RequestRemoteFollowCommand(followId, accountId, actorId, inbox, sharedInbox, activityId,
                clock.now()));
        FollowDecision decision = commands.send(new EvaluateFollowRequestCommand(accountId, actorId, clock.now()));
        if (decision.accepted()) {
            commands.send(new AcceptRemoteFollowCommand(followId, clock.now()));
        } else {
            commands.send(new RejectRemoteFollowCommand(followId, decision.reason(), clock.now()));
        }
        return decision;
    }

    public void undo(String accountId, String actorId) {
        commands.send(new UndoRemoteFollowCommand(FollowIds.incoming(accountId, actorId), clock.now()));
    }

    public void reject(String accountId, String actorId, String reason) {
        commands.send(new RejectRemoteFollowCommand(FollowIds.incoming(accountId, actorId), reason, clock.now()));
    }
}
