package dev.weft.application.federation.delivery;

import dev.weft.application.shared.CommandSender;
import dev.weft.domain.delivery.RecordActivityDeliveryAttemptCommand;
import dev.weft.domain.distribution.CopyDeliveryAttempt;
import dev.weft.domain.distribution.DeletionOutcome;
import dev.weft.domain.distribution.DeliveryReport;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.RecordCopyDeliveriesCommand;
import dev.weft.domain.distribution.RecordDeliveryAttemptCommand;
import dev.weft.domain.distribution.RecordRemoteDeletionOutcomeCommand;
import dev.weft.domain.shared.Batches;
import dev.weft.domain.shared.DomainRuleException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns delivery attempts into events on the records they concern: the post's Create
 * attempts of one batch become one DeliveryReport per post, a Delete's attempt goes to the
 * copy's deletion request, and the rest to an ActivityDelivery each. The outbox row says
 * what to do next; these events say what happened, for the audit trail. Returns once the
 * attempts are stored.
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
        recordAll(List.of(attempt));
    }

    /** Each post's report is stored or refused alone; a refusal does not stop the others. */
    public void recordAll(List<DeliveryAttempt> attempts) {
        attempts.forEach(meters::attempted);
        Map<String, List<DeliveryAttempt>> creates = new LinkedHashMap<>();
        for (DeliveryAttempt attempt : attempts) {
            if (batched(attempt)) {
                creates.computeIfAbsent(attempt.postId(), post -> new ArrayList<>()).add(attempt);
            } else {
                recordAlone(attempt);
            }
        }
        creates.values().forEach(post -> Batches.of(post, DeliveryReport.MAX_ATTEMPTS).forEach(this::recordReport));
    }

    /** A Create enqueued before the outbox kept its post has no report to join: its copy records it. */
    private static boolean batched(DeliveryAttempt attempt) {
        return attempt.purpose() == DeliveryPurpose.POST_CREATE && attempt.copyId() != null
                && attempt.postId() != null;
    }

    /**
     * A report refused by its rules is halved until each refused attempt stands alone, so one
     * malformed attempt does not keep the others out of the audit trail. An attempt refused
     * alone goes to its copy, which only a copy scheduled one by one (before batching) has.
     */
    private void recordReport(List<DeliveryAttempt> attempts) {
        try {
            commands.send(report(attempts));
        } catch (DomainRuleException e) {
            if (attempts.size() == 1) {
                LOG.warn("delivery {} refused in a report, left to its copy: {}", attempts.get(0).deliveryId(),
                        e.getMessage());
                recordAlone(attempts.get(0));
                return;
            }
            int half = attempts.size() / 2;
            recordReport(attempts.subList(0, half));
            recordReport(attempts.subList(half, attempts.size()));
        }
    }

    private void recordAlone(DeliveryAttempt attempt) {
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

    static RecordCopyDeliveriesCommand report(List<DeliveryAttempt> attempts) {
        DeliveryAttempt first = attempts.get(0);
        List<String> keys = attempts.stream().map(a -> a.deliveryId() + "/" + a.number()).toList();
        return new RecordCopyDeliveriesCommand(DeliveryReport.idOf(first.postId(), keys), first.postId(),
                first.accountId(), attempts.stream().map(DeliveryReports::copyAttempt).toList());
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
