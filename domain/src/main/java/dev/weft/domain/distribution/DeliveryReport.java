package dev.weft.domain.distribution;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.weft.domain.shared.DerivedIds;
import dev.weft.domain.shared.InvalidValueException;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A batch of delivery attempts of one post's copies to fediverse servers, recorded once.
 * A fan-out to thousands of servers then appends one event per batch rather than one
 * command and one event per server on each copy. Its id is derived from the attempts it
 * holds, so recording the same batch twice collides on the first event instead of
 * counting the attempts again.
 */
public class DeliveryReport {
    /** Bounds one event's size; a fan-out's reports are cut well below it. */
    public static final int MAX_ATTEMPTS = 1_000;

    @AggregateIdentifier
    private String reportId;

    protected DeliveryReport() {
    }

    @CommandHandler
    public DeliveryReport(RecordCopyDeliveriesCommand command) {
        RequiredText.require("postId", command.postId());
        RequiredText.require("accountId", command.accountId());
        requireAttempts(command.attempts());
        command.attempts().forEach(attempt -> requireCopyOf(command.postId(), attempt));
        apply(new CopyDeliveriesAttemptedEvent(command.reportId(), command.postId(), command.accountId(),
                List.copyOf(command.attempts())));
    }

    public static String idOf(String postId, List<String> deliveryAttemptKeys) {
        return DerivedIds.of("delivery-report", postId, String.join("\u0001", deliveryAttemptKeys));
    }

    private static void requireAttempts(List<CopyDeliveryAttempt> attempts) {
        if (attempts == null || attempts.isEmpty()) {
            throw new InvalidValueException("attempts", "a report records at least one attempt");
        }
        if (attempts.size() > MAX_ATTEMPTS) {
            throw new InvalidValueException("attempts", "a report records at most " + MAX_ATTEMPTS
                    + " attempts, not " + attempts.size());
        }
    }

    /** An attempt filed under the wrong post would tell the audit trail that a server got a post it never got. */
    private static void requireCopyOf(String postId, CopyDeliveryAttempt attempt) {
        if (attempt.destination() == null || attempt.destination().kind() != Destination.Kind.FEDIVERSE_SERVER) {
            throw new InvalidValueException("destination", "a report records deliveries to fediverse servers only");
        }
        if (!CopyIds.of(postId, attempt.destination()).equals(attempt.copyId())) {
            throw new InvalidValueException("copyId", "copy " + attempt.copyId() + " is not post " + postId
                    + "'s copy at " + attempt.destination().key());
        }
        if (attempt.outcome() == null) {
            throw new InvalidValueException("outcome", "a delivery outcome is required");
        }
        if (attempt.attempt() < 1) {
            throw new InvalidValueException("attempt", "attempts are counted from 1, not " + attempt.attempt());
        }
    }

    @EventSourcingHandler
    void on(CopyDeliveriesAttemptedEvent event) {
        reportId = event.reportId();
    }
}
