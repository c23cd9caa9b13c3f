package dev.weft.application.crossposting;

import dev.weft.application.crossposting.platforms.RemotePart;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.accounts.MarkLinkNeedsReauthorizationCommand;
import dev.weft.domain.distribution.DeletionOutcome;
import dev.weft.domain.distribution.FailCrossPostCommand;
import dev.weft.domain.distribution.HoldCrossPostCommand;
import dev.weft.domain.distribution.RecordCrossPostPartPublishedCommand;
import dev.weft.domain.distribution.RecordRemoteDeletionOutcomeCommand;
import dev.weft.domain.distribution.ScheduleCrossPostRetryCommand;
import dev.weft.domain.distribution.WithdrawCrossPostCommand;
import dev.weft.domain.shared.DomainRuleException;
import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Records what became of an attempt twice over, in one transaction: as an event on the
 * copy (what happened, for the person and the audit trail) and on the queue row (what to do
 * next). Neither can be true without the other, whatever crashes in between.
 */
@Component
public class CrossPostOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(CrossPostOutcomes.class);
    private final CommandSender commands;
    private final CrossPostWork work;
    private final TransactionOperations transactions;
    private final CrossPostMeters meters;

    public CrossPostOutcomes(CommandSender commands, CrossPostWork work, TransactionOperations transactions,
                             CrossPostMeters meters) {
        this.commands = commands;
        this.work = work;
        this.transactions = transactions;
        this.meters = meters;
    }

    public void partPublished(ClaimedCrossPost copy, int part, RemotePart remote, Instant at) {
        int parts = copy.parts().size();
        inOneTransaction(() -> {
            send(new RecordCrossPostPartPublishedCommand(copy.copyId(), part, parts, remote.remoteId(),
                    remote.remoteUrl(), at));
            work.partPublished(copy, part, remote, at);
            if (last(copy, part)) {
                work.published(copy, at);
            }
        });
        if (last(copy, part)) {
            meters.published(copy, at);
        }
    }

    private static boolean last(ClaimedCrossPost copy, int part) {
        return part == copy.parts().size() && !copy.toBeDeleted();
    }

    public void retry(ClaimedCrossPost copy, Attempt attempt, Instant next, boolean failure, Instant at) {
        inOneTransaction(() -> {
            send(new ScheduleCrossPostRetryCommand(copy.copyId(), attempt.made(), attempt.httpStatus(),
                    attempt.error(), next, at));
            work.retryAt(copy, next, attempt.error(), failure, attempt.unanswered(), at);
        });
        meters.ended(copy, "retry_scheduled");
    }

    public void failed(ClaimedCrossPost copy, Attempt attempt, Instant at) {
        inOneTransaction(() -> {
            send(new FailCrossPostCommand(copy.copyId(), attempt.made(), attempt.httpStatus(), attempt.error(), at));
            work.failed(copy, attempt.error(), at);
        });
        meters.ended(copy, "failed");
    }

    /** The link is marked too, so the person sees it there and its other copies wait without trying. */
    public void held(ClaimedCrossPost copy, Attempt attempt, Instant at) {
        inOneTransaction(() -> {
            send(new MarkLinkNeedsReauthorizationCommand(copy.accountId(), copy.link().linkId(), attempt.error(),
                    at));
            send(new HoldCrossPostCommand(copy.copyId(), attempt.made(), attempt.httpStatus(), attempt.error(), at));
            work.held(copy, attempt.error(), at);
        });
        meters.ended(copy, "held");
    }

    public void withdrawn(ClaimedCrossPost copy, String reason, Instant at) {
        inOneTransaction(() -> {
            send(new WithdrawCrossPostCommand(copy.copyId(), reason, at));
            work.withdrawn(copy, reason, at);
        });
        meters.ended(copy, "withdrawn");
    }

    public void deletionRetry(ClaimedCrossPost copy, Attempt attempt, Instant next, boolean failure, Instant at) {
        inOneTransaction(() -> {
            send(new RecordRemoteDeletionOutcomeCommand(copy.copyId(), DeletionOutcome.FAILED,
                    attempt.error() + "; next attempt " + next, at));
            work.retryAt(copy, next, attempt.error(), failure, false, at);
        });
    }

    /** Deleting needs the token too: the link is marked, and the deletion waits for fresh credentials. */
    public void deletionHeld(ClaimedCrossPost copy, Attempt attempt, Instant at) {
        inOneTransaction(() -> {
            send(new MarkLinkNeedsReauthorizationCommand(copy.accountId(), copy.link().linkId(), attempt.error(),
                    at));
            send(new RecordRemoteDeletionOutcomeCommand(copy.copyId(), DeletionOutcome.FAILED, attempt.error()
                    + "; waiting for the account to be linked again", at));
            work.held(copy, attempt.error(), at);
        });
    }

    public void deletionEnded(ClaimedCrossPost copy, DeletionOutcome outcome, String reason, Instant at) {
        inOneTransaction(() -> {
            send(new RecordRemoteDeletionOutcomeCommand(copy.copyId(), outcome, reason, at));
            work.deletionEnded(copy, queueState(outcome, reason), reason, at);
        });
    }

    private static String queueState(DeletionOutcome outcome, String reason) {
        return switch (outcome) {
            case DELIVERED -> "deleted";
            case ALREADY_GONE -> "already_gone";
            case ABANDONED -> reason != null && reason.startsWith(CrossPostRemover.NEVER_PUBLISHED)
                    ? "nothing_to_delete" : "deletion_failed";
            case FAILED -> throw new IllegalArgumentException("a failed attempt does not end a deletion");
        };
    }

    /**
     * A refusal means the copy moved on meanwhile (withdrawn, or already ended): the queue
     * row still settles, so the copy is not tried again for a fact already recorded.
     */
    private void send(Object command) {
        try {
            commands.send(command);
        } catch (DomainRuleException | AggregateNotFoundException e) {
            LOG.info("cross-post outcome not recorded as {}: {}", command.getClass().getSimpleName(), e.getMessage());
        }
    }

    private void inOneTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    /**
     * One request's outcome: made says whether a request went to the platform, unanswered
     * whether it went and no answer came.
     */
    public record Attempt(boolean made, Integer httpStatus, String error, boolean unanswered) {
        public static Attempt answered(Integer httpStatus, String error) {
            return new Attempt(true, httpStatus, error, false);
        }

        public static Attempt unanswered(String error) {
            return new Attempt(true, null, error, true);
        }

        public static Attempt none(String reason) {
            return new Attempt(false, null, reason, false);
        }
    }
}
