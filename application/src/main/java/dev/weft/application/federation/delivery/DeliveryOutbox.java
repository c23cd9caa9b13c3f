package dev.weft.application.federation.delivery;

import java.util.List;

/**
 * The durable outbox: deliveries enqueued here are committed with the caller's transaction
 * and survive a crash; workers on every node drain it.
 */
public interface DeliveryOutbox {
    void enqueue(List<OutboundDelivery> deliveries);
}
