package dev.weft.application.federation.delivery;

import dev.weft.application.shared.CommandSender;
import dev.weft.domain.delivery.RecordActivityDeliveryAttemptCommand;
import dev.weft.domain.distribution.DeletionOutcome;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.RecordDeliveryAttemptCommand;
import dev.weft.domain.distribution.RecordRemoteDeletionOutcomeCommand;
import dev.weft.domain.shared.DomainRuleException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns every delivery attempt into an event on the record it concerns: the post copy for a
 * Create, the copy's deletion request for a Delete, and an ActivityDelivery for the rest.
 * The outbox row says what to do next; these events say what happened, for the audit trail.
 */
@Component
public class DeliveryReports {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReports.class);
    private final CommandSender commands;
    private final DeliveryMeters meters;

    public DeliveryReports(CommandSender commands, DeliveryMeters meters) {
        this.commands = commands;
        this.meters = meters;
    }

    public void record(DeliveryAttempt attempt) {
        meters.attempted(attempt);
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
