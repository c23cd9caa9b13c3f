package dev.weft.application.federation.delivery;

import dev.weft.application.shared.CommandSender;
import dev.weft.domain.delivery.RecordActivityDeliveryAttemptCommand;
import dev.weft.domain.distribution.CopyDeliveryAttempt;
import dev.weft.domain.distribution.DeletionOutcome;
import dev.weft.domain.distribution.DeliveryReport;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.RecordDeliveryAttemptCommand;
import dev.weft.domain.distribution.RecordRemoteDeletionOutcomeCommand;
import dev.weft.domain.shared.DomainRuleException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns every delivery attempt into an event on the record it concerns: a batch of the
 * post's Create attempts (a DeliveryReport), the copy's deletion request for a Delete, and
 * an ActivityDelivery for the rest. The outbox row says what to do next; these events say
 * what happened, for the audit trail. Returns once the attempt is stored.
 */
@Component
public class DeliveryReports {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReports.class);
    /** Half the bound of one report: a batch this size is already far beyond what 16 workers gather. */
    static final int MAX_BATCH = DeliveryReport.MAX_ATTEMPTS / 2;
    private final CommandSender commands;
    private final DeliveryMeters meters;
    private final CopyAttemptBatches batches;

    public DeliveryReports(CommandSender commands, DeliveryMeters meters) {
        this.commands = commands;
        this.meters = meters;
        this.batches = new CopyAttemptBatches(commands::send, MAX_BATCH);
    }

    public void record(DeliveryAttempt attempt) {
        meters.attempted(attempt);
        if (batched(attempt) && recordedInABatch(attempt)) {
            return;
        }
        Object command = commandFor(attempt);
        try {
            commands.send(command);
        } catch (DomainRuleException | AggregateNotFoundException e) {
            // The record has moved on (a deletion already ended, a copy never scheduled):
            // the delivery itself is settled either way, so the refusal is only logged.
            LOG.info("delivery {} not recorded on {}: {}", attempt.deliveryId(), command.getClass().getSimpleName(),
                    e.getMessage());
        }
    }

    /** A Create enqueued before the outbox kept its post has no report to join: its copy records it. */
    private static boolean batched(DeliveryAttempt attempt) {
        return attempt.purpose() == DeliveryPurpose.POST_CREATE && attempt.copyId() != null
                && attempt.postId() != null;
    }

    /** A batch refused by its rules is recorded attempt by attempt instead, on each copy. */
    private boolean recordedInABatch(DeliveryAttempt attempt) {
        try {
            batches.record(attempt);
            return true;
        } catch (DomainRuleException e) {
            LOG.warn("delivery {} recorded on its copy alone, its batch was refused: {}", attempt.deliveryId(),
                    e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before delivery " + attempt.deliveryId() + " was recorded",
                    e);
        }
    }

    static CopyDeliveryAttempt copyAttempt(DeliveryAttempt attempt) {
        return new CopyDeliveryAttempt(attempt.copyId(), Destination.server(attempt.host()), attempt.number(),
                copyOutcome(attempt.outcome()), attempt.httpStatus(), attempt.error(), attempt.nextAttemptAt(),
                attempt.at(), attempt.inbox());
    }

    static Object commandFor(DeliveryAttempt attempt) {
        if (attempt.copyId() != null && attempt.purpose() == DeliveryPurpose.POST_CREATE) {
            return new RecordDeliveryAttemptCommand(attempt.copyId(), copyOutcome(attempt.outcome()),
                    attempt.httpStatus(), attempt.error(), null, null, attempt.nextAttemptAt(), attempt.at(),
                    attempt.inbox());
        }
        if (attempt.copyId() != null && attempt.purpose() == DeliveryPurpose.POST_DELETE) {
            return new RecordRemoteDeletionOutcomeCommand(attempt.copyId(), deletionOutcome(attempt.outcome()),
                    deletionReason(attempt), attempt.at());
        }
        return new RecordActivityDeliveryAttemptCommand(attempt.deliveryId(), attempt.accountId(),
                attempt.purpose().name(), attempt.activityId(), attempt.inbox(), attempt.host(),
                copyOutcome(attempt.outcome()), attempt.httpStatus(), attempt.error(), attempt.nextAttemptAt(),
                attempt.at(), attempt.copyId());
    }

    private static DeliveryOutcome copyOutcome(AttemptOutcome outcome) {
        return switch (outcome) {
            case DELIVERED -> DeliveryOutcome.DELIVERED;
            case RETRY_SCHEDULED -> DeliveryOutcome.RETRY_SCHEDULED;
            case FAILED -> DeliveryOutcome.FAILED;
        };
    }

    private static DeletionOutcome deletionOutcome(AttemptOutcome outcome) {
        return switch (outcome) {
            case DELIVERED -> DeletionOutcome.DELIVERED;
            case RETRY_SCHEDULED -> DeletionOutcome.FAILED;
            case FAILED -> DeletionOutcome.ABANDONED;
        };
    }

    private static String deletionReason(DeliveryAttempt attempt) {
        if (attempt.outcome() == AttemptOutcome.DELIVERED) {
            return null;
        }
        if (attempt.outcome() == AttemptOutcome.FAILED && attempt.goneAnswer()) {
            return "the server no longer has the post (HTTP " + attempt.httpStatus() + ")";
        }
        String reason = attempt.error() != null ? attempt.error() : "HTTP " + attempt.httpStatus();
        return attempt.outcome() == AttemptOutcome.RETRY_SCHEDULED
                ? reason + "; next attempt " + attempt.nextAttemptAt() : reason;
    }
}
