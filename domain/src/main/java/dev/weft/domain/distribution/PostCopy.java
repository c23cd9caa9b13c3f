package dev.weft.domain.distribution;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotPermittedException;
import java.util.Locale;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The copy of one post at one destination, from scheduling through delivery attempts to
 * the request to delete it there. Weft cannot force a deletion; it records what it asked.
 * A copy to a linked account also goes through publishing in parts (a thread), waiting for
 * fresh credentials, failing, and being retried at the person's request.
 */
public class PostCopy {
    @AggregateIdentifier
    private String copyId;
    private String postId;
    private String accountId;
    private Destination destination;
    private int attempts;
    private boolean deletionRequested;
    private boolean scheduled;
    private boolean held;
    private DeletionOutcome deletionOutcome;
    private final CrossPostProgress crossPost = new CrossPostProgress();

    protected PostCopy() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ScheduleCopyCommand command) {
        if (!scheduled) {
            apply(new PostCopyScheduledEvent(command.copyId(), command.postId(), command.accountId(),
                    command.destination(), command.consentVersion(), command.at()));
        }
    }

    /**
     * A server that already holds the post by delivery, or was already asked to delete it,
     * gains nothing from a second record: the ledger keeps the first disclosure.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordRemoteHolderCommand command) {
        if (command.destination() == null || command.destination().kind() != Destination.Kind.FEDIVERSE_SERVER) {
            throw new InvalidValueException("destination", "only a fediverse server can hold a post it was not sent");
        }
        if (command.channel() != HoldingChannel.ENGAGEMENT && command.channel() != HoldingChannel.SIGNED_FETCH) {
            throw new InvalidValueException("channel", "a holder is observed through engagement or a signed fetch, "
                    + "not " + command.channel());
        }
        if (held || deletionRequested) {
            return;
        }
        apply(new RemoteHolderObservedEvent(command.copyId(), command.postId(), command.accountId(),
                command.destination(), command.channel(), command.evidenceActorId(), command.consentVersion(),
                command.at()));
    }

    @CommandHandler
    public void handle(RecordDeliveryAttemptCommand command) {
        if (command.outcome() == null) {
            throw new InvalidValueException("outcome", "a delivery outcome is required");
        }
        apply(new CopyDeliveryAttemptedEvent(copyId, postId, accountId, destination, attempts + 1, command.outcome(),
                command.httpStatus(), command.error(), command.remoteId(), command.remoteUrl(),
                command.nextAttemptAt(), command.at(), command.inbox()));
    }

    @CommandHandler
    public void handle(RecordCrossPostPartPublishedCommand command) {
        requireLinkedAccount();
        if (command.part() < 1 || command.part() > command.parts()) {
            throw new InvalidValueException("part", "part " + command.part() + " of " + command.parts()
                    + " does not exist");
        }
        if (!crossPost.hasPart(command.part())) {
            apply(new CrossPostPartPublishedEvent(copyId, postId, accountId, destination, command.part(),
                    command.parts(), command.remoteId(), command.remoteUrl(), crossPost.attemptsAfter(true),
                    command.at()));
        }
    }

    @CommandHandler
    public void handle(ScheduleCrossPostRetryCommand command) {
        requireSending();
        apply(new CrossPostRetryScheduledEvent(copyId, postId, accountId, destination,
                crossPost.attemptsAfter(command.attempted()), command.httpStatus(), command.error(),
                command.nextAttemptAt(), command.at()));
    }

    @CommandHandler
    public void handle(FailCrossPostCommand command) {
        requireSending();
        apply(new CrossPostFailedEvent(copyId, postId, accountId, destination,
                crossPost.attemptsAfter(command.attempted()), command.httpStatus(), command.error(), command.at()));
    }

    @CommandHandler
    public void handle(HoldCrossPostCommand command) {
        requireSending();
        apply(new CrossPostHeldForReauthorizationEvent(copyId, postId, accountId, destination,
                crossPost.attemptsAfter(command.attempted()), command.httpStatus(), command.error(), command.at()));
    }

    @CommandHandler
    public void handle(ResumeCrossPostCommand command) {
        requireLinkedAccount();
        if (crossPost.stage() == CrossPostProgress.Stage.HELD) {
            apply(new CrossPostResumedEvent(copyId, postId, accountId, destination, command.at()));
        }
    }

    @CommandHandler
    public void handle(RetryCrossPostCommand command) {
        requireLinkedAccount();
        if (!accountId.equals(command.accountId())) {
            throw new NotPermittedException("postId", "post " + postId + " belongs to another account");
        }
        if (deletionRequested) {
            throw new GoneException("postId", "the copy's deletion was requested: it is not sent again");
        }
        if (crossPost.stage() != CrossPostProgress.Stage.FAILED) {
            throw new ConflictException("state", "only a failed copy can be retried; this one is "
                    + crossPost.stage().name().toLowerCase(Locale.ROOT));
        }
        apply(new CrossPostRetryRequestedEvent(copyId, postId, accountId, destination, command.at()));
    }

    @CommandHandler
    public void handle(WithdrawCrossPostCommand command) {
        requireLinkedAccount();
        if (!crossPost.ended()) {
            apply(new CrossPostWithdrawnEvent(copyId, postId, accountId, destination, command.reason(),
                    command.at()));
        }
    }

    private void requireLinkedAccount() {
        if (destination.kind() != Destination.Kind.LINKED_ACCOUNT) {
            throw new InvalidValueException("copyId", "copy " + copyId + " goes to a fediverse server, "
                    + "not to a linked account");
        }
    }

    /** An outcome for a copy that has already ended is a stale report, and must not reopen it. */
    private void requireSending() {
        requireLinkedAccount();
        if (crossPost.ended()) {
            throw new ConflictException("copyId", "copy " + copyId + " has already ended "
                    + crossPost.stage().name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A copy scheduled in a batch has no stream of its own yet: the request names it, and
     * begins the stream. One that names another post's copy is refused.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RequestRemoteDeletionCommand command) {
        if (destination == null) {
            adopt(command.copyId(), command.address());
        }
        if (!deletionRequested) {
            apply(new RemoteDeletionRequestedEvent(copyId, postId, accountId, destination, command.reason(),
                    command.at()));
        }
    }

    private void adopt(String requestedCopyId, CopyAddress address) {
        if (address == null) {
            throw new AggregateNotFoundException(requestedCopyId, "copy " + requestedCopyId
                    + " was never scheduled, and the request does not say which copy it is");
        }
        if (address.destination() == null || !CopyIds.of(address.postId(), address.destination())
                .equals(requestedCopyId)) {
            throw new InvalidValueException("copyId", "copy " + requestedCopyId + " is not post "
                    + address.postId() + "'s copy at " + (address.destination() == null ? "no destination"
                    : address.destination().label()));
        }
        copyId = requestedCopyId;
        postId = address.postId();
        accountId = address.accountId();
        destination = address.destination();
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
            case ALREADY_GONE -> new RemoteDeletionAlreadyGoneEvent(copyId, postId, accountId, destination,
                    command.reason(), command.at());
        };
    }

    @EventSourcingHandler
    void on(PostCopyScheduledEvent event) {
        scheduled = true;
        copyId = event.copyId();
        postId = event.postId();
        accountId = event.accountId();
        destination = event.destination();
    }

    @EventSourcingHandler
    void on(RemoteHolderObservedEvent event) {
        copyId = event.copyId();
        postId = event.postId();
        accountId = event.accountId();
        destination = event.destination();
        held = true;
    }

    @EventSourcingHandler
    void on(CopyDeliveryAttemptedEvent event) {
        attempts = event.attempt();
        held |= event.outcome() == DeliveryOutcome.DELIVERED;
    }

    @EventSourcingHandler
    void on(CrossPostPartPublishedEvent event) {
        crossPost.partPublished(event.part(), event.parts(), event.attempt());
    }

    @EventSourcingHandler
    void on(CrossPostRetryScheduledEvent event) {
        crossPost.attempted(event.attempt(), CrossPostProgress.Stage.SENDING);
    }

    @EventSourcingHandler
    void on(CrossPostFailedEvent event) {
        crossPost.attempted(event.attempt(), CrossPostProgress.Stage.FAILED);
    }

    @EventSourcingHandler
    void on(CrossPostHeldForReauthorizationEvent event) {
        crossPost.attempted(event.attempt(), CrossPostProgress.Stage.HELD);
    }

    @EventSourcingHandler
    void on(CrossPostResumedEvent event) {
        crossPost.moveTo(CrossPostProgress.Stage.SENDING);
    }

    @EventSourcingHandler
    void on(CrossPostRetryRequestedEvent event) {
        crossPost.moveTo(CrossPostProgress.Stage.SENDING);
    }

    @EventSourcingHandler
    void on(CrossPostWithdrawnEvent event) {
        crossPost.moveTo(CrossPostProgress.Stage.WITHDRAWN);
    }

    @EventSourcingHandler
    void on(RemoteDeletionRequestedEvent event) {
        copyId = event.copyId();
        postId = event.postId();
        accountId = event.accountId();
        destination = event.destination();
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

    @EventSourcingHandler
    void on(RemoteDeletionAlreadyGoneEvent event) {
        deletionOutcome = DeletionOutcome.ALREADY_GONE;
    }
}
