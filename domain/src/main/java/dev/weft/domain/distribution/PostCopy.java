package dev.weft.domain.distribution;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.weft.domain.deletion.DeletionOutcome;
import dev.weft.domain.deletion.RemoteDeletionAbandonedEvent;
import dev.weft.domain.deletion.RemoteDeletionDeliveredEvent;
import dev.weft.domain.deletion.RemoteDeletionFailedEvent;
import dev.weft.domain.deletion.RemoteDeletionRequestedEvent;
import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.InvalidValueException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The copy of one post at one destination, from scheduling through delivery attempts to
 * the request to delete it there. Weft cannot force a deletion; it records what it asked.
 */
public class PostCopy {
    @AggregateIdentifier
    private String copyId;
    private String postId;
    private String accountId;
    private Destination destination;
    private int attempts;
    private boolean deletionRequested;
    private DeletionOutcome deletionOutcome;

    protected PostCopy() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ScheduleCopyCommand command) {
        if (copyId == null) {
            apply(new PostCopyScheduledEvent(command.copyId(), command.postId(), command.accountId(),
                    command.destination(), command.consentVersion(), command.at()));
        }
    }

    @CommandHandler
    public void handle(RecordDeliveryAttemptCommand command) {
        if (command.outcome() == null) {
            throw new InvalidValueException("outcome", "a delivery outcome is required");
        }
        apply(new CopyDeliveryAttemptedEvent(copyId, postId, accountId, destination, attempts + 1, command.outcome(),
                command.httpStatus(), command.error(), command.remoteId(), command.remoteUrl(),
                command.nextAttemptAt(), command.at()));
    }

    @CommandHandler
    public void handle(RequestRemoteDeletionCommand command) {
        if (!deletionRequested) {
            apply(new RemoteDeletionRequestedEvent(copyId, postId, accountId, destination, command.reason(),
                    command.at()));
        }
    }

    @CommandHandler
    public void handle(RecordRemoteDeletionOutcomeCommand command) {
        if (command.outcome() == null) {
            throw new InvalidValueException("outcome", "a deletion outcome is required");
        }
        if (!deletionRequested) {
            throw new ConflictException("copyId", "no deletion was requested for copy " + copyId);
        }
        if (deletionOutcome != null && deletionOutcome.isFinal()) {
            throw new ConflictException("outcome", "the deletion request already ended " + deletionOutcome);
        }
        apply(outcomeEvent(command));
    }

    private Object outcomeEvent(RecordRemoteDeletionOutcomeCommand command) {
        return switch (command.outcome()) {
            case DELIVERED -> new RemoteDeletionDeliveredEvent(copyId, postId, accountId, destination, command.at());
            case FAILED -> new RemoteDeletionFailedEvent(copyId, postId, accountId, destination, command.reason(),
                    command.at());
            case ABANDONED -> new RemoteDeletionAbandonedEvent(copyId, postId, accountId, destination,
                    command.reason(), command.at());
        };
    }

    @EventSourcingHandler
    void on(PostCopyScheduledEvent event) {
        copyId = event.copyId();
        postId = event.postId();
        accountId = event.accountId();
        destination = event.destination();
    }

    @EventSourcingHandler
    void on(CopyDeliveryAttemptedEvent event) {
        attempts = event.attempt();
    }

    @EventSourcingHandler
    void on(RemoteDeletionRequestedEvent event) {
        deletionRequested = true;
    }

    @EventSourcingHandler
    void on(RemoteDeletionDeliveredEvent event) {
        deletionOutcome = DeletionOutcome.DELIVERED;
    }

    @EventSourcingHandler
    void on(RemoteDeletionFailedEvent event) {
        deletionOutcome = DeletionOutcome.FAILED;
    }

    @EventSourcingHandler
    void on(RemoteDeletionAbandonedEvent event) {
        deletionOutcome = DeletionOutcome.ABANDONED;
    }
}
