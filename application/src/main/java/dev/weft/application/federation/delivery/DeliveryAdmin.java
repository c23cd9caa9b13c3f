package dev.weft.application.federation.delivery;

import java.util.List;

/** What operators see of the outbox and may do about it. */
public interface DeliveryAdmin {
    List<DeliveryServerView> servers(ServerFilter filter);

    /**
     * Makes the delivery pending again now, with a new retry window, and its server available.
     * Refused for a withdrawn delivery, for one being sent right now, and for a post's Create
     * or Update whose copy has been recalled by a Delete: sent again, it would bring the post
     * back.
     */
    Redelivery redeliver(String deliveryId);

    enum Redelivery {
        PENDING_AGAIN,
        UNKNOWN,
        WITHDRAWN,
        RECALLED,
        IN_FLIGHT
    }

    /**
     * Every failed or pending delivery of the host is due now, but those being sent and
     * recalled posts' Creates and Updates; the host is available again.
     */
    int redeliverServer(String host);

    enum ServerFilter {
        /** Marked unavailable: nothing is attempted. */
        UNAVAILABLE,
        /** Failures since the last success, or deliveries that failed for good. */
        FAILING,
        ALL
    }
}
