package dev.weft.domain.delivery;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.weft.domain.shared.InvalidValueException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The record of one activity sent to one inbox, for activities that are not a post copy
 * or its deletion (follows and their answers, edits, profile updates). It keeps the audit
 * trail complete: every attempt and how it ended is an event.
 */
public class ActivityDelivery {
    @AggregateIdentifier
    private String deliveryId;
    private int attempts;

    protected ActivityDelivery() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordActivityDeliveryAttemptCommand command) {
        if (command.outcome() == null) {
            throw new InvalidValueException("outcome", "a delivery outcome is required");
        }
        apply(new ActivityDeliveryAttemptedEvent(command.deliveryId(), command.accountId(), command.purpose(),
                command.activityId(), command.inbox(), command.host(), attempts + 1, command.outcome(),
                command.httpStatus(), command.error(), command.nextAttemptAt(), command.at(), command.copyId()));
    }

    @EventSourcingHandler
    void on(ActivityDeliveryAttemptedEvent event) {
        deliveryId = event.deliveryId();
        attempts = event.attempt();
    }
}
