package dev.weft.application.federation.delivery;

import java.util.List;

/** What operators see of the outbox and may do about it. */
public interface DeliveryAdmin {
    List<DeliveryServerView> servers(ServerFilter filter);

    /**
     * Makes the delivery pending again now, with a new retry window, and its server available.
     *
     * @return false when no delivery has this id
     */
    boolean redeliver(String deliveryId);

    /** Every failed or pending delivery of the host is due now; the host is available again. */
    int redeliverServer(String host);

    enum ServerFilter {
        /** Marked unavailable: nothing is attempted. */
        UNAVAILABLE,
        /** Failures since the last success, or deliveries that failed for good. */
        FAILING,
        ALL
    }
}
